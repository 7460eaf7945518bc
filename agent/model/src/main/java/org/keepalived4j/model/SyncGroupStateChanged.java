package org.keepalived4j.model;

import java.time.Instant;

/**
 * A sync group changed state.
 *
 * @param snapshot the group right after the change, with the settings in effect
 * @param from the state it left
 * @param to the state it entered
 * @param reason the reason of the member that moved first
 * @param timestamp when
 */
public record SyncGroupStateChanged(SyncGroupSnapshot snapshot, VrrpState from, VrrpState to,
        TransitionReason reason, Instant timestamp) implements StateEvent {

    /** The group name. */
    public String group() {
        return snapshot.name();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.syncGroupStateChanged(this);
    }
}
