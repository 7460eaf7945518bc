package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.net.Inet6Address;

/** Announces an IPv6 virtual address with an unsolicited Neighbor Advertisement to ff02::1. */
public interface NeighborAdvertSender extends AutoCloseable {

    /**
     * Sends one unsolicited NA for {@code address} out of interface {@code interfaceIndex}.
     *
     * @param senderMac that interface's MAC, carried in the Target Link-Layer Address option
     * @param router the Router flag; keepalived sets it when IPv6 forwarding is on for the base
     *     interface ({@code net/ipv6/conf/IF/forwarding}, see {@link org.keepalived4j.linux.Sysctl})
     */
    void send(int interfaceIndex, MacAddress senderMac, Inet6Address address, boolean router) throws IOException;

    @Override
    void close();
}
