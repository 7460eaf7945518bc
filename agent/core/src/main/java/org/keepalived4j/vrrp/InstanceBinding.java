package org.keepalived4j.vrrp;

import java.net.InetAddress;
import java.util.List;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.VipAddress;
import org.keepalived4j.vrrp.net.VmacLink;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpPacket;

/**
 * Where one instance meets the network: the interface it advertises on, the socket, the
 * source and destinations of its adverts, and the addresses it installs as MASTER.
 *
 * @param interfaceIndex the interface adverts go out of (the VMAC unless vmac_xmit_base)
 * @param addressInterfaceIndex the interface the VIPs go on by default (the VMAC, if any)
 * @param mac the MAC announcements carry for addresses on the default interface
 * @param source the adverts' source address
 * @param destinations the multicast group, or each unicast peer
 * @param destinationAddresses the same as socket addresses (kept so that sending allocates nothing)
 * @param socket the shared socket adverts are sent and received on
 * @param addresses every VIP and eVIP as it is installed
 * @param advertised the addresses carried in adverts (the VIPs, not the eVIPs)
 * @param vmac the VMAC created for the instance, or {@code null}
 */
record InstanceBinding(int interfaceIndex, int addressInterfaceIndex, MacAddress mac, VrrpAddress source,
        List<VrrpAddress> destinations, List<InetAddress> destinationAddresses, SocketTable.Shared socket, List<VipAddress> addresses,
        List<VrrpAddress> advertised, VmacLink vmac) {

    /** The advert to send with this priority (v2 or v3 as configured). */
    static VrrpPacket advert(org.keepalived4j.config.VrrpInstanceConfig c, List<VrrpAddress> advertised,
            int priority) {
        if (c.version() == 2) {
            return VrrpPacket.advertisementV2(c.vrid(), priority, c.auth().type().wireValue(),
                    c.auth().passwordBytes(), (int) (c.advertIntervalMicros() / 1_000_000), advertised);
        }
        return VrrpPacket.advertisementV3(c.ipv6() ? org.keepalived4j.vrrp.packet.IpFamily.IPV6
                : org.keepalived4j.vrrp.packet.IpFamily.IPV4, c.vrid(), priority,
                (int) (c.advertIntervalMicros() / 10_000), advertised);
    }

    InetAddress sourceAddress() {
        return source.toInetAddress();
    }
}
