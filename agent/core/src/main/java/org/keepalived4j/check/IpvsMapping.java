package org.keepalived4j.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.VirtualServerGroupEntry;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsService;
import org.keepalived4j.ipvs.IpvsServiceKey;

/**
 * How a configured virtual server maps onto IPVS, as keepalived programs it: one service, or for
 * a {@code virtual_server_group} one per address of every range and per fwmark; and each real or
 * sorry server as a destination of every one of those services.
 */
final class IpvsMapping {

    private static final int MAX_GROUP_SERVICES = 65536;

    private IpvsMapping() {
    }

    static IpvsService service(VirtualServerConfig vs, IpvsServiceKey key) {
        int flags = vs.schedulerFlags() | (vs.persistenceTimeout() > 0 ? IpvsService.PERSISTENT : 0);
        int netmask = vs.persistenceGranularity() >= 0 ? (int) vs.persistenceGranularity()
                : key.ipv6() ? IpvsService.DEFAULT_IPV6_PREFIX : IpvsService.DEFAULT_IPV4_NETMASK;
        return new IpvsService(key, vs.scheduler(), flags, (int) vs.persistenceTimeout(), netmask,
                vs.persistenceEngine());
    }

    /** The IPVS services of a virtual server (several for a group). */
    static List<IpvsServiceKey> keys(VirtualServerConfig vs) {
        int protocol = protocolNumber(vs.protocol());
        if (vs.group() == null) {
            if (vs.address() == null) {
                return List.of(new IpvsServiceKey(vs.ipv6(), 0, null, 0, (int) vs.fwmark()));
            }
            return List.of(new IpvsServiceKey(vs.ipv6(), protocol, vs.address(), vs.port(), 0));
        }
        List<IpvsServiceKey> keys = new ArrayList<>();
        for (VirtualServerGroupEntry entry : vs.group().entries()) {
            if (entry.isFwmark()) {
                boolean v6 = entry.fwmarkFamily() == 0 ? vs.ipv6() : entry.fwmarkFamily() == 6;
                keys.add(new IpvsServiceKey(v6, 0, null, 0, (int) entry.fwmark()));
                continue;
            }
            for (InetAddress address : entry.addresses(MAX_GROUP_SERVICES - keys.size())) {
                keys.add(new IpvsServiceKey(address.getAddress().length == 16, protocol, address, entry.port(), 0));
            }
        }
        return keys;
    }

    static int protocolNumber(String protocol) {
        if (protocol == null) {
            return 0;
        }
        return switch (protocol) {
            case "tcp" -> IpvsServiceKey.TCP;
            case "udp" -> IpvsServiceKey.UDP;
            case "sctp" -> IpvsServiceKey.SCTP;
            default -> 0;
        };
    }

    /**
     * A real or sorry server as a destination of {@code key}. With DR or TUN the kernel forwards
     * to the service's port, and keepalived programs it so (for a fwmark service the port is the
     * server's own, or 0).
     */
    static IpvsDestination destination(IpvsServiceKey key, InetAddress address, int port, ForwardingConfig forwarding,
            int weight, long upperThreshold, long lowerThreshold) {
        int destinationPort = forwarding.method().equals("NAT") || key.fwmark() != 0 ? port : key.port();
        return new IpvsDestination(address, destinationPort, forwarding.ipvsFlag(), weight, (int) upperThreshold,
                (int) lowerThreshold, tunnelType(forwarding.tunnelType()), forwarding.tunnelPort(),
                tunnelFlags(forwarding.tunnelChecksum()));
    }

    // IP_VS_CONN_F_TUNNEL_TYPE_*
    private static int tunnelType(String type) {
        if (type == null) {
            return IpvsDestination.TUNNEL_IPIP;
        }
        return switch (type) {
            case "gue" -> IpvsDestination.TUNNEL_GUE;
            case "gre" -> IpvsDestination.TUNNEL_GRE;
            default -> IpvsDestination.TUNNEL_IPIP;
        };
    }

    // IP_VS_TUNNEL_ENCAP_FLAG_*: nocsum 0, csum 1, remcsum 2
    private static int tunnelFlags(String checksum) {
        if (checksum == null) {
            return 0;
        }
        return switch (checksum) {
            case "csum" -> 1;
            case "remcsum" -> 2;
            default -> 0;
        };
    }
}
