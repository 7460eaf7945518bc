package org.keepalived4j.model;

import java.time.Instant;

/**
 * A virtual server gained or lost its quorum ({@code quorum_up} / {@code quorum_down}).
 *
 * @param virtualServer the virtual server's key
 * @param met whether the quorum is now met
 * @param liveWeight the summed weight of live real servers
 * @param quorum the configured quorum
 * @param timestamp when it changed
 */
public record VirtualServerQuorumChanged(String virtualServer, boolean met, long liveWeight, int quorum,
        Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.virtualServerQuorumChanged(this);
    }
}
