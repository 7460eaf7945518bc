package org.keepalived4j.vrrp.net;

import java.net.Inet4Address;

/**
 * The ARP part (28 bytes, after the Ethernet header) of a gratuitous ARP as keepalived sends
 * it: a broadcast <em>request</em> whose sender and target protocol addresses are both the
 * virtual address, sender hardware address the sending interface's MAC (the VMAC with
 * {@code use_vmac}) and target hardware address ff:ff:ff:ff:ff:ff (RFC 826, RFC 5227 section 3).
 */
final class GratuitousArpFrame {

    static final int LENGTH = 28;
    static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int HARDWARE_ETHERNET = 1;
    private static final int OPERATION_REQUEST = 1;

    private GratuitousArpFrame() {
    }

    /** Writes the packet into {@code target[0..28)}. */
    static void write(byte[] target, MacAddress sender, Inet4Address address) {
        byte[] ip = address.getAddress();
        putShort(target, 0, HARDWARE_ETHERNET);
        putShort(target, 2, ETHERTYPE_IPV4);
        target[4] = 6;
        target[5] = 4;
        putShort(target, 6, OPERATION_REQUEST);
        sender.copyTo(target, 8);
        System.arraycopy(ip, 0, target, 14, 4);
        MacAddress.BROADCAST.copyTo(target, 18);
        System.arraycopy(ip, 0, target, 24, 4);
    }

    private static void putShort(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 8);
        target[offset + 1] = (byte) value;
    }
}
