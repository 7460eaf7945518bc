package org.keepalived4j.vrrp.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * How to open a {@link RawVrrpSocket}.
 *
 * @param ipv6 IPv6 (VRRPv3) or IPv4
 * @param interfaceName the interface the socket is bound to (SO_BINDTODEVICE); the VMAC
 *     interface when adverts go out of it
 * @param interfaceIndex that interface's index
 * @param sourceAddress the source of every advert ({@code mcast_src_ip}, {@code unicast_src_ip}
 *     or the interface's primary address), or null to let the kernel choose; in unicast mode
 *     the socket is also bound to it, so it only receives packets sent to it
 * @param multicastGroup the group to join and send to (224.0.0.18 / ff02::12 by default), or
 *     null for unicast
 * @param unicastHops TTL / hop limit of unicast sends ({@code unicast_ttl}): 1-255 for IPv4
 *     (the kernel refuses a TTL of 0), 0-255 for IPv6
 * @param ipProtocol {@link #PROTOCOL_VRRP} (112), or {@link #PROTOCOL_AH} (51) for IPv4
 *     instances with {@code auth_type AH}, whose messages start with the authentication header
 */
public record VrrpSocketOptions(boolean ipv6, String interfaceName, int interfaceIndex,
        InetAddress sourceAddress, InetAddress multicastGroup, int unicastHops, int ipProtocol) {

    /** IP protocol number of VRRP. */
    public static final int PROTOCOL_VRRP = 112;
    /** IP protocol number of the IPsec Authentication Header (RFC 2402), used by VRRPv2 auth_type AH. */
    public static final int PROTOCOL_AH = 51;

    /** IPv4 VRRP multicast group 224.0.0.18 (RFC 3768 section 5.2.2). */
    public static final InetAddress IPV4_GROUP = address(new byte[] {(byte) 224, 0, 0, 18});
    /** IPv6 VRRP multicast group ff02::12 (RFC 5798 section 5.1.2.2). */
    public static final InetAddress IPV6_GROUP = address(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0x12});

    public VrrpSocketOptions {
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceIndex <= 0) {
            throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
        }
        if (unicastHops < (ipv6 ? 0 : 1) || unicastHops > 255) {
            throw new IllegalArgumentException("unicast TTL out of range " + (ipv6 ? "0" : "1") + "-255: "
                    + unicastHops);
        }
        requireFamily(ipv6, sourceAddress, "source address");
        requireFamily(ipv6, multicastGroup, "multicast group");
        if (ipProtocol != PROTOCOL_VRRP && (ipProtocol != PROTOCOL_AH || ipv6)) {
            throw new IllegalArgumentException("IP protocol must be 112, or 51 (AH) for IPv4: " + ipProtocol);
        }
        if (multicastGroup != null && !multicastGroup.isMulticastAddress()) {
            throw new IllegalArgumentException(multicastGroup.getHostAddress() + " is not a multicast group");
        }
    }

    /** Multicast on {@code interfaceName} with the default group of the family. */
    public static VrrpSocketOptions multicast(boolean ipv6, String interfaceName, int interfaceIndex,
            InetAddress sourceAddress) {
        return new VrrpSocketOptions(ipv6, interfaceName, interfaceIndex, sourceAddress,
                ipv6 ? IPV6_GROUP : IPV4_GROUP, 255, PROTOCOL_VRRP);
    }

    /** Unicast on {@code interfaceName} from {@code sourceAddress} with TTL / hop limit 255. */
    public static VrrpSocketOptions unicast(boolean ipv6, String interfaceName, int interfaceIndex,
            InetAddress sourceAddress) {
        return new VrrpSocketOptions(ipv6, interfaceName, interfaceIndex, sourceAddress, null, 255, PROTOCOL_VRRP);
    }

    /** The same options with another multicast group ({@code vrrp_mcast_group4/6}). */
    public VrrpSocketOptions withMulticastGroup(InetAddress group) {
        return new VrrpSocketOptions(ipv6, interfaceName, interfaceIndex, sourceAddress, group, unicastHops,
                ipProtocol);
    }

    /** The same options with another unicast TTL / hop limit. */
    public VrrpSocketOptions withUnicastHops(int hops) {
        return new VrrpSocketOptions(ipv6, interfaceName, interfaceIndex, sourceAddress, multicastGroup, hops,
                ipProtocol);
    }

    /** The same options for {@code auth_type AH}: IP protocol 51 (IPv4 only). */
    public VrrpSocketOptions withAuthenticationHeader() {
        return new VrrpSocketOptions(ipv6, interfaceName, interfaceIndex, sourceAddress, multicastGroup,
                unicastHops, PROTOCOL_AH);
    }

    /** Whether adverts go to the multicast group rather than to unicast peers. */
    public boolean isMulticast() {
        return multicastGroup != null;
    }

    private static void requireFamily(boolean ipv6, InetAddress address, String what) {
        if (address != null && (address instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException(what + " " + address.getHostAddress() + " is not "
                    + (ipv6 ? "IPv6" : "IPv4"));
        }
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (java.net.UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
