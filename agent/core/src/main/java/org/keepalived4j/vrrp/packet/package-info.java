/**
 * The VRRP packet codec: {@link org.keepalived4j.vrrp.packet.VrrpPacket} records to bytes and
 * back (RFC 3768 VRRPv2, RFC 5798 VRRPv3), with no sockets, no clock and no state.
 *
 * <p>{@link org.keepalived4j.vrrp.packet.VrrpCodec} encodes into caller-provided buffers and
 * decodes raw IPv4 datagrams or bare IPv6 VRRP messages into a
 * {@link org.keepalived4j.vrrp.packet.VrrpDecodeResult}, which says whether the bytes are a
 * well-formed VRRP packet and, if not, which keepalived counter the failure belongs to. Whether
 * a well-formed packet suits a VRRP instance (VRID, priority, interval, authentication,
 * addresses) is decided by the instance, not here.
 */
package org.keepalived4j.vrrp.packet;
