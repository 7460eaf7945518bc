package org.keepalived4j.vrrp.packet;

/**
 * What the receiver knows about the IP packet that carried a VRRP message.
 *
 * @param source the IP source address (RFC 3768 5.2.1, RFC 5798 5.1.1.1 / 5.1.2.1)
 * @param destination the IP destination address: the VRRP multicast group or a unicast peer
 *     (RFC 3768 5.2.2, RFC 5798 5.1.1.2 / 5.1.2.2)
 * @param ttl the IPv4 TTL or IPv6 Hop Limit, or -1 when the kernel did not report it (IPv6
 *     without {@code IPV6_RECVHOPLIMIT}) (RFC 3768 5.2.3, RFC 5798 5.1.1.3 / 5.1.2.3)
 * @param protocol the IPv4 Protocol field: 112 (VRRP) or 51 (AH); always 112 for IPv6
 * @param headerLength the IPv4 header length in bytes including options (IHL * 4); 0 for IPv6,
 *     whose header the kernel has removed
 * @param totalLength the IPv4 Total Length field as received; for IPv6 the length of the VRRP
 *     message received
 */
public record IpMetadata(
        VrrpAddress source, VrrpAddress destination, int ttl, int protocol, int headerLength, int totalLength) {
}
