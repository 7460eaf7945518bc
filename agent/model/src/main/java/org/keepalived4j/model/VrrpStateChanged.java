package org.keepalived4j.model;

import java.time.Instant;

/**
 * A VRRP instance changed state.
 *
 * @param snapshot the instance right after the change, with the settings in effect when it happened
 * @param from the state it left
 * @param to the state it entered
 * @param reason why
 * @param timestamp when
 */
public record VrrpStateChanged(VrrpInstanceSnapshot snapshot, VrrpState from, VrrpState to, TransitionReason reason,
        Instant timestamp) implements StateEvent {

    /** The instance name. */
    public String instance() {
        return snapshot.name();
    }

    /** The priority it advertises after the change. */
    public int effectivePriority() {
        return snapshot.status().effectivePriority();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.vrrpStateChanged(this);
    }
}
