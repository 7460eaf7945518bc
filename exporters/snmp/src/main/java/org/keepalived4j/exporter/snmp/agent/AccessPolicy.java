package org.keepalived4j.exporter.snmp.agent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.MPv3;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.TransportIpAddress;

/**
 * Who may read what: the {@code rocommunity}/{@code rocommunity6} lines for SNMPv1 and v2c
 * (the first line whose community and source match, as net-snmp's com2sec), the {@code rouser}
 * lines for SNMPv3 (whose USM has already authenticated the user at the level it claims).
 */
final class AccessPolicy {

    /** What happens to a request. */
    enum Outcome {
        /** Answer from {@link Decision#subtree()}. */
        GRANTED,
        /** Unknown community, or a source it is not for: counted and dropped unanswered (RFC 3584). */
        BAD_COMMUNITY,
        /** An SNMPv3 user without access at this level or context: answered authorizationError. */
        REFUSED
    }

    record Decision(Outcome outcome, Subtree subtree) {
    }

    private static final Decision BAD_COMMUNITY = new Decision(Outcome.BAD_COMMUNITY, null);
    private static final Decision REFUSED = new Decision(Outcome.REFUSED, null);

    private final List<CommunityAccess> communities;
    private final List<UserAccess> users;

    AccessPolicy(List<CommunityAccess> communities, List<UserAccess> users) {
        this.communities = List.copyOf(communities);
        this.users = List.copyOf(users);
    }

    Decision decide(CommandResponderEvent<?> event) {
        if (event.getMessageProcessingModel() == MPv3.ID) {
            return user(new String(event.getSecurityName(), StandardCharsets.UTF_8), event.getSecurityLevel(),
                    event.getPDU());
        }
        InetAddress peer = peer(event.getPeerAddress());
        return peer == null ? BAD_COMMUNITY : community(event.getSecurityName(), peer);
    }

    Decision community(byte[] community, InetAddress peer) {
        boolean ipv6 = peer instanceof Inet6Address;
        for (CommunityAccess c : communities) {
            if (c.ipv6() == ipv6 && Arrays.equals(c.community().getBytes(StandardCharsets.UTF_8), community)
                    && c.source().matches(peer)) {
                return new Decision(Outcome.GRANTED, c.subtree());
            }
        }
        return BAD_COMMUNITY;
    }

    Decision user(String name, int securityLevel, PDU pdu) {
        if (pdu instanceof ScopedPDU scoped && scoped.getContextName().length() > 0) {
            return REFUSED; // rouser without a CONTEXT grants the default context only
        }
        for (UserAccess u : users) {
            if (u.user().equals(name)) {
                return securityLevel >= u.minLevel().snmp4j() ? new Decision(Outcome.GRANTED, u.subtree()) : REFUSED;
            }
        }
        return REFUSED;
    }

    private static InetAddress peer(Address address) {
        if (address instanceof TransportIpAddress t) {
            return t.getInetAddress();
        }
        return address instanceof IpAddress ip ? ip.getInetAddress() : null;
    }
}
