package org.keepalived4j.model;

import java.time.Instant;

/**
 * A VRRP instance rejected a packet addressed to it for one of the reasons of
 * {@link VrrpPacketError}: one event per packet, emitted after the matching counter of the
 * instance's {@link VrrpCounters} (or of the daemon's {@link VrrpRouterCounters}) was incremented.
 * keepalived sends an SNMP notification at this moment: RFC 2787's vrrpTrapAuthFailure for an
 * authentication error, RFC 6527's vrrpv3ProtoError for a protocol error.
 *
 * @param snapshot the instance that rejected the packet, as it was then
 * @param source the packet's source address
 * @param error why it was rejected
 * @param timestamp when
 */
public record VrrpPacketRejected(VrrpInstanceSnapshot snapshot, String source, VrrpPacketError error,
        Instant timestamp) implements StateEvent {

    /** The instance name. */
    public String instance() {
        return snapshot.name();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.vrrpPacketRejected(this);
    }
}
