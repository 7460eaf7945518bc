package org.keepalived4j.model;

import java.time.Instant;

/**
 * A virtual server's quorum was met or lost.
 *
 * @param service the virtual server right after the change, with the settings in effect
 * @param met whether the quorum is met now
 * @param liveWeight the summed weight of its live real servers
 * @param stopping whether the daemon's stop took the quorum down: keepalived reports every virtual
 *        server so at a stop, its quorum then being KEEPALIVED-MIB's shutdown(3), and runs
 *        quorum_down, mails and writes the notify FIFO only with {@code omega}
 * @param timestamp when
 */
public record VirtualServerQuorumChanged(VirtualServerSnapshot service, boolean met, long liveWeight,
        boolean stopping, Instant timestamp) implements StateEvent {

    /** A change while the daemon runs. */
    public VirtualServerQuorumChanged(VirtualServerSnapshot service, boolean met, long liveWeight, Instant timestamp) {
        this(service, met, liveWeight, false, timestamp);
    }

    /** The virtual server's key. */
    public String virtualServer() {
        return service.key();
    }

    /** The configured quorum. */
    public long quorum() {
        return service.settings().quorum();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.virtualServerQuorumChanged(this);
    }
}
