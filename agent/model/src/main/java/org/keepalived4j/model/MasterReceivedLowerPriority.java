package org.keepalived4j.model;

import java.time.Instant;

/**
 * A MASTER received an advert of lower priority (keepalived's {@code notify_master_rx_lower_pri}).
 *
 * @param snapshot the instance when it happened
 * @param source the advert's source address
 * @param priority the advert's priority
 * @param timestamp when
 */
public record MasterReceivedLowerPriority(VrrpInstanceSnapshot snapshot, String source, int priority,
        Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.masterReceivedLowerPriority(this);
    }
}
