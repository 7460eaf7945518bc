package org.keepalived4j.vrrp.net;

import org.keepalived4j.linux.Rtnetlink;

/**
 * An interface as the kernel reports it (RTM_NEWLINK).
 *
 * @param index the interface index
 * @param name the interface name
 * @param mac the hardware address, or null for interfaces without a 6-byte one
 * @param flags the IFF_* flags
 * @param mtu the MTU
 * @param operState the RFC 2863 operational state (IF_OPER_*: 6 up, 2 down, 0 unknown...)
 * @param parentIndex the lower interface (IFLA_LINK; a macvlan's base), or 0
 * @param kind the link kind ({@code veth}, {@code macvlan}...), or null
 */
public record LinkInfo(int index, String name, MacAddress mac, int flags, int mtu, int operState,
        int parentIndex, String kind) {

    /** IF_OPER_UP. */
    public static final int OPER_UP = 6;

    /** IFF_UP: administratively up. */
    public boolean up() {
        return (flags & Rtnetlink.IFF_UP) != 0;
    }

    /** IFF_RUNNING: operationally up (carrier present). */
    public boolean running() {
        return (flags & Rtnetlink.IFF_RUNNING) != 0;
    }

    /** IFF_LOWER_UP: the driver reports carrier. */
    public boolean lowerUp() {
        return (flags & Rtnetlink.IFF_LOWER_UP) != 0;
    }

    /** Up and running, which is what keepalived requires of a VRRP interface. */
    public boolean usable() {
        return up() && running();
    }
}
