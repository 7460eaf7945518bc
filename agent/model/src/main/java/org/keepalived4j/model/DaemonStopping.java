package org.keepalived4j.model;

import java.time.Instant;

/**
 * The daemon is stopping: the last event. Every instance's STOP and every other change the
 * shutdown made come before it; after it, subscriptions close.
 *
 * @param timestamp when the stop began
 */
public record DaemonStopping(Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.daemonStopping(this);
    }
}
