package org.keepalived4j.linux;

import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Layouts of {@code sockaddr_in} (16 bytes), {@code sockaddr_in6} (28 bytes) and the multicast
 * request structures, written into native memory. Addresses and ports are in network order,
 * the family and the IPv6 scope id in host order.
 */
final class SocketAddresses {

    static final int SOCKADDR_IN_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;
    static final int SOCKADDR_STORAGE_SIZE = 128;

    private SocketAddresses() {
    }

    /** Writes a {@code sockaddr_in}/{@code sockaddr_in6} for {@code address}; returns its length. */
    static int write(Pointer target, long offset, InetAddress address, int scopeId) {
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            target.setMemory(offset, SOCKADDR_IN_SIZE, (byte) 0);
            target.setShort(offset, (short) SocketConstants.AF_INET);
            target.write(offset + 4, raw, 0, 4);
            return SOCKADDR_IN_SIZE;
        }
        target.setMemory(offset, SOCKADDR_IN6_SIZE, (byte) 0);
        target.setShort(offset, (short) SocketConstants.AF_INET6);
        target.write(offset + 8, raw, 0, 16);
        target.setInt(offset + 24, effectiveScope(address, scopeId));
        return SOCKADDR_IN6_SIZE;
    }

    /**
     * Copies the address bytes of the {@code sockaddr_in}/{@code sockaddr_in6} at {@code offset}
     * into {@code target}; returns 4, 16, or 0 for another family.
     */
    static int readAddress(Pointer source, long offset, byte[] target) {
        int family = source.getShort(offset);
        if (family == SocketConstants.AF_INET) {
            source.read(offset + 4, target, 0, 4);
            return 4;
        }
        if (family == SocketConstants.AF_INET6) {
            source.read(offset + 8, target, 0, 16);
            return 16;
        }
        return 0;
    }

    /** Writes {@code struct ip_mreqn} (12 bytes): group, local address (any), interface index. */
    static void writeIpv4MembershipRequest(Pointer target, Inet4Address group, int ifIndex) {
        target.setMemory(0, 12, (byte) 0);
        target.write(0, group.getAddress(), 0, 4);
        target.setInt(8, ifIndex);
    }

    /** Writes {@code struct ipv6_mreq} (20 bytes): group, interface index. */
    static void writeIpv6MembershipRequest(Pointer target, Inet6Address group, int ifIndex) {
        target.write(0, group.getAddress(), 0, 16);
        target.setInt(16, ifIndex);
    }

    private static int effectiveScope(InetAddress address, int scopeId) {
        if (scopeId != 0) {
            return scopeId;
        }
        return address instanceof Inet6Address ? ((Inet6Address) address).getScopeId() : 0;
    }
}
