package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Optional;

/** Synchronous questions about interfaces and their addresses, answered by the kernel. */
public interface LinkLookup extends AutoCloseable {

    /** The interface named {@code name}, or empty when there is none. */
    Optional<LinkInfo> byName(String name) throws IOException;

    /** The interface with index {@code index}, or empty when there is none. */
    Optional<LinkInfo> byIndex(int index) throws IOException;

    /** Every interface. */
    List<LinkInfo> links() throws IOException;

    /** The addresses of interface {@code interfaceIndex}, in the kernel's order. */
    List<InstalledAddress> addresses(int interfaceIndex) throws IOException;

    /**
     * The interface's primary IPv4 address as keepalived picks it: the first IPv4 address that
     * is not a secondary. Empty when the interface has none.
     */
    Optional<Inet4Address> primaryIpv4Address(int interfaceIndex) throws IOException;

    /**
     * The interface's IPv6 link-local address: the first fe80::/10 address that is neither
     * tentative, deprecated nor NODAD (that is, not one a VRRP instance installed), else the
     * first link-local address at all. Empty when there is none.
     */
    Optional<Inet6Address> linkLocalIpv6Address(int interfaceIndex) throws IOException;

    @Override
    void close();
}
