package org.keepalived4j.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server of an IPVS service. Its address family is the address's own; it may differ from
 * the service's only with tunnel forwarding (keepalived's mixed-family tunnels).
 *
 * @param address the real server's address
 * @param port its port
 * @param forwardingMethod {@code lb_kind}: IP_VS_CONN_F_MASQ (NAT, 0), IP_VS_CONN_F_TUNNEL (TUN, 2)
 *        or IP_VS_CONN_F_DROUTE (DR, 3)
 * @param weight the weight (0: no new connections, as with inhibit_on_failure)
 * @param upperThreshold {@code uthreshold}, 0 for none
 * @param lowerThreshold {@code lthreshold}, 0 for none
 * @param tunnelType with TUN: IP_VS_CONN_F_TUNNEL_TYPE_IPIP (0), _GUE (1) or _GRE (2); else 0
 * @param tunnelPort with a GUE tunnel: its UDP port; else 0
 * @param tunnelFlags with a GUE or GRE tunnel: IP_VS_TUNNEL_ENCAP_FLAG_* (nocsum 0, csum 1,
 *        remcsum 2); else 0
 */
public record IpvsDestination(InetAddress address, int port, int forwardingMethod, int weight, int upperThreshold,
        int lowerThreshold, int tunnelType, int tunnelPort, int tunnelFlags) {

    /** IP_VS_CONN_F_MASQ: NAT. */
    public static final int MASQUERADE = 0;
    /** IP_VS_CONN_F_TUNNEL: IP-in-IP (or GUE/GRE) tunnel. */
    public static final int TUNNEL = 2;
    /** IP_VS_CONN_F_DROUTE: direct routing. */
    public static final int DIRECT_ROUTE = 3;

    /** IP_VS_CONN_F_TUNNEL_TYPE_IPIP. */
    public static final int TUNNEL_IPIP = 0;
    /** IP_VS_CONN_F_TUNNEL_TYPE_GUE. */
    public static final int TUNNEL_GUE = 1;
    /** IP_VS_CONN_F_TUNNEL_TYPE_GRE. */
    public static final int TUNNEL_GRE = 2;

    public IpvsDestination {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (forwardingMethod < 0 || forwardingMethod > 7) {
            throw new IllegalArgumentException("forwarding method out of range: " + forwardingMethod);
        }
        if (forwardingMethod != TUNNEL) {
            tunnelType = 0;
            tunnelPort = 0;
            tunnelFlags = 0;
        } else if (tunnelType != TUNNEL_GUE) {
            tunnelPort = 0;
        }
        if (tunnelType == TUNNEL_IPIP) {
            tunnelFlags = 0;
        }
    }

    /** A real server with no tunnel options (IPIP when {@code forwardingMethod} is TUN). */
    public IpvsDestination(InetAddress address, int port, int forwardingMethod, int weight, int upperThreshold,
            int lowerThreshold) {
        this(address, port, forwardingMethod, weight, upperThreshold, lowerThreshold, 0, 0, 0);
    }

    /** Whether the real server's own address is IPv6 (IPVS_DEST_ATTR_ADDR_FAMILY). */
    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** The same real server with another weight (0 for an inhibited server). */
    public IpvsDestination withWeight(int newWeight) {
        return new IpvsDestination(address, port, forwardingMethod, newWeight, upperThreshold, lowerThreshold,
                tunnelType, tunnelPort, tunnelFlags);
    }

    /** Whether {@code other} is the same real server (address and port), whatever its settings. */
    public boolean sameServer(IpvsDestination other) {
        return address.equals(other.address) && port == other.port;
    }

    /** A short label for logs: {@code 10.0.0.2:80}, {@code [fd00::2]:80}. */
    public String label() {
        return (ipv6() ? "[" + org.keepalived4j.net.AddressText.of(address) + "]" : org.keepalived4j.net.AddressText.of(address)) + ":" + port;
    }
}
