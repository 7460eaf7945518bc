package org.keepalived4j.model;

import java.time.Instant;

/**
 * A VRRP instance changed state.
 *
 * @param instance the instance name
 * @param vrid its virtual router id
 * @param interfaceName its interface
 * @param from the state it left
 * @param to the state it entered
 * @param effectivePriority its effective priority at the moment of the change
 * @param reason why it changed
 * @param timestamp when it changed
 */
public record VrrpStateChanged(String instance, int vrid, String interfaceName, VrrpState from, VrrpState to,
        int effectivePriority, TransitionReason reason, Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.vrrpStateChanged(this);
    }
}
