package org.keepalived4j.model;

import java.time.Instant;

/**
 * A virtual server's quorum was met or lost.
 *
 * @param service the virtual server right after the change, with the settings in effect
 * @param met whether the quorum is met now
 * @param liveWeight the summed weight of its live real servers
 * @param timestamp when
 */
public record VirtualServerQuorumChanged(VirtualServerSnapshot service, boolean met, long liveWeight,
        Instant timestamp) implements StateEvent {

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
