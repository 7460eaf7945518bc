package org.keepalived4j.vrrp.net;

import java.net.Inet6Address;

/**
 * An unsolicited Neighbor Advertisement (RFC 4861 section 4.4 and 7.2.6) as keepalived sends
 * it for an IPv6 virtual address, from the IPv6 header on (72 bytes): source = the virtual
 * address, destination ff02::1, hop limit 255, flags Override (plus Router when the interface
 * forwards IPv6), target = the virtual address, and a Target Link-Layer Address option with
 * the sending interface's MAC. The ICMPv6 checksum is computed here.
 */
final class NeighborAdvertFrame {

    static final int LENGTH = 72;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    /** Ethernet address of ff02::1 (RFC 2464 section 7). */
    static final MacAddress ALL_NODES_MAC = MacAddress.of(new byte[] {0x33, 0x33, 0, 0, 0, 1});

    private static final int IPV6_HEADER = 40;
    private static final int ICMPV6_LENGTH = 32;
    private static final int NEXT_HEADER_ICMPV6 = 58;
    private static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private NeighborAdvertFrame() {
    }

    /** Writes the packet into {@code target[0..72)}. */
    static void write(byte[] target, MacAddress sender, Inet6Address address, boolean router) {
        java.util.Arrays.fill(target, 0, LENGTH, (byte) 0);
        byte[] ip = address.getAddress();
        target[0] = 0x60;
        target[4] = 0;
        target[5] = ICMPV6_LENGTH;
        target[6] = NEXT_HEADER_ICMPV6;
        target[7] = (byte) 255;
        System.arraycopy(ip, 0, target, 8, 16);
        System.arraycopy(ALL_NODES, 0, target, 24, 16);
        int icmp = IPV6_HEADER;
        target[icmp] = (byte) TYPE_NEIGHBOR_ADVERTISEMENT;
        target[icmp + 4] = (byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0));
        System.arraycopy(ip, 0, target, icmp + 8, 16);
        target[icmp + 24] = OPTION_TARGET_LINK_LAYER_ADDRESS;
        target[icmp + 25] = 1;
        sender.copyTo(target, icmp + 26);
        int checksum = checksum(target);
        target[icmp + 2] = (byte) (checksum >>> 8);
        target[icmp + 3] = (byte) checksum;
    }

    /** RFC 4443 section 2.3: over the pseudo-header (addresses, length, next header) and the message. */
    private static int checksum(byte[] packet) {
        long sum = sumWords(packet, 8, 32);
        sum += ICMPV6_LENGTH;
        sum += NEXT_HEADER_ICMPV6;
        sum += sumWords(packet, IPV6_HEADER, ICMPV6_LENGTH);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sumWords(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        return sum;
    }
}
