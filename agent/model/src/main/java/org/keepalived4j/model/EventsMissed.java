package org.keepalived4j.model;

import java.time.Instant;

/**
 * Told to a subscriber that fell so far behind that the event log no longer holds the events
 * it had not read: those (sequence numbers {@code first} to {@code last}) are lost to it. The
 * current state is always readable from {@link StateView#current()}, so a subscriber that
 * mirrors state re-reads it. Never emitted by the daemon; each subscriber gets its own.
 *
 * @param first the first sequence number missed
 * @param last the last sequence number missed
 * @param timestamp when the subscriber was told
 */
public record EventsMissed(long first, long last, Instant timestamp) implements StateEvent {

    /** How many events were missed. */
    public long count() {
        return last - first + 1;
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.eventsMissed(this);
    }
}
