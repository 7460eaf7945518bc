package org.keepalived4j.model;

import java.time.Instant;

/**
 * A VRRP instance's effective priority changed without a state change (a tracker's weight);
 * keepalived writes these to its notify FIFOs with {@code notify_priority_changes}.
 *
 * @param snapshot the instance after the change
 * @param from the priority before
 * @param to the priority now
 * @param timestamp when
 */
public record PriorityChanged(VrrpInstanceSnapshot snapshot, int from, int to, Instant timestamp)
        implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.priorityChanged(this);
    }
}
