package org.keepalived4j.model;

import java.time.Instant;

/**
 * A real server went up or down.
 *
 * @param server the real server right after the change, with the settings in effect
 * @param service its virtual server at that moment (how many real servers are up now...)
 * @param up whether it is up now
 * @param checker the checker whose result made the change ({@code HTTP_GET}...), or {@code null}
 * @param detail what that checker concluded
 * @param stopping whether the daemon's stop took it out: keepalived reports every live real server
 *        going down at a stop (with {@code lvs_flush_onstop} unset), but runs notify_down, mails and
 *        writes the notify FIFO for it only with its virtual server's {@code omega}
 * @param timestamp when
 */
public record RealServerStateChanged(RealServerSnapshot server, VirtualServerSnapshot service, boolean up,
        String checker, String detail, boolean stopping, Instant timestamp) implements StateEvent {

    /** A change while the daemon runs. */
    public RealServerStateChanged(RealServerSnapshot server, VirtualServerSnapshot service, boolean up,
            String checker, String detail, Instant timestamp) {
        this(server, service, up, checker, detail, false, timestamp);
    }

    /** The virtual server's key. */
    public String virtualServer() {
        return service.key();
    }

    /** The real server's key ({@code IP:PORT}). */
    public String realServer() {
        return server.key();
    }

    /** The real server's weight now. */
    public int weight() {
        return server.weight();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.realServerStateChanged(this);
    }
}
