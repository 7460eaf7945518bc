package org.keepalived4j.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.net.AddressText;

/**
 * An address with a prefix length, e.g. {@code 192.168.1.10/24}.
 *
 * @param address the address
 * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
 */
public record IpPrefix(InetAddress address, int prefixLength) {

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** {@code ADDRESS/PREFIX} with the address in its canonical text form. */
    @Override
    public String toString() {
        return AddressText.of(address) + "/" + prefixLength;
    }
}
