package org.keepalived4j.vrrp.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.linux.Rtnetlink;

/**
 * An address the kernel reports on an interface (RTM_NEWADDR).
 *
 * @param interfaceIndex the interface
 * @param address the local address
 * @param prefixLength the prefix length
 * @param peer the peer of a point-to-point address, or null
 * @param broadcast the broadcast address, or null
 * @param label the IPv4 label, or null
 * @param scope the scope
 * @param flags the IFA_F_* bits
 */
public record InstalledAddress(int interfaceIndex, InetAddress address, int prefixLength, InetAddress peer,
        InetAddress broadcast, String label, AddressScope scope, int flags) {

    /** Whether this is an IPv6 address. */
    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** Whether a given IFA_F_* bit is set. */
    public boolean hasFlag(int bit) {
        return (flags & bit) != 0;
    }

    /** IFA_F_SECONDARY: another address of the same subnet was there first. */
    public boolean secondary() {
        return hasFlag(Rtnetlink.IFA_F_SECONDARY);
    }

    /** IFA_F_NODAD. */
    public boolean noDad() {
        return hasFlag(Rtnetlink.IFA_F_NODAD);
    }

    /** IFA_F_TENTATIVE: duplicate address detection still running. */
    public boolean tentative() {
        return hasFlag(Rtnetlink.IFA_F_TENTATIVE);
    }

    /** IFA_F_DEPRECATED. */
    public boolean deprecated() {
        return hasFlag(Rtnetlink.IFA_F_DEPRECATED);
    }

    /** Whether this is the same address and prefix as {@code vip} on the same interface. */
    public boolean matches(VipAddress vip) {
        return interfaceIndex == vip.interfaceIndex() && prefixLength == vip.prefixLength()
                && address.equals(vip.address());
    }
}
