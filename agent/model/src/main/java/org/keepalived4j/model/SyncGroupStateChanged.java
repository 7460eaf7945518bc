package org.keepalived4j.model;

import java.time.Instant;

/**
 * A sync group changed state.
 *
 * @param group the group name
 * @param from the state it left
 * @param to the state it entered
 * @param reason why (usually the reason of the member that moved first)
 * @param timestamp when it changed
 */
public record SyncGroupStateChanged(String group, VrrpState from, VrrpState to, TransitionReason reason,
        Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.syncGroupStateChanged(this);
    }
}
