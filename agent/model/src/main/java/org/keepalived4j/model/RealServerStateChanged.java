package org.keepalived4j.model;

import java.time.Instant;

/**
 * A real server came up or went down (keepalived's {@code notify_up} / {@code notify_down}).
 *
 * @param virtualServer the virtual server's key
 * @param realServer the real server's key ({@code IP:PORT})
 * @param up whether it is now up
 * @param weight its weight now
 * @param checker the checker type that decided, e.g. {@code HTTP_GET}
 * @param detail what the checker saw, e.g. {@code status code 503}
 * @param timestamp when it changed
 */
public record RealServerStateChanged(String virtualServer, String realServer, boolean up, int weight,
        String checker, String detail, Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.realServerStateChanged(this);
    }
}
