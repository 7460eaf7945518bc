package org.keepalived4j.ipvs;

import java.net.InetAddress;

/**
 * Identifies an IPVS virtual service, as the kernel does: either protocol + address + port, or
 * a firewall mark (then protocol, address and port are unset: 0 / {@code null}).
 *
 * @param ipv6 the address family (for fwmark services too)
 * @param protocol IPPROTO_TCP (6), IPPROTO_UDP (17), IPPROTO_SCTP (132), or 0 for fwmark services
 * @param address the virtual address, or {@code null} for fwmark services
 * @param port the virtual port (0 with persistence "port zero" services or fwmark)
 * @param fwmark the firewall mark, or 0
 */
public record IpvsServiceKey(boolean ipv6, int protocol, InetAddress address, int port, int fwmark) {
}
