package org.keepalived4j.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * Pure VRRP codec: {@link VrrpPacket} to bytes and back, with the checksums of RFC 3768 5.3.8 and
 * RFC 5798 5.2.8. No sockets, no clock, no state; safe to share between threads.
 *
 * <p>Encoding writes into a caller-provided buffer and allocates nothing. Decoding never throws
 * on malformed bytes: every byte sequence yields a {@link VrrpDecodeResult}. Whether the VRID,
 * priority, interval, authentication or addresses suit an instance is for the instance to
 * decide; the codec only says whether the bytes are a well-formed VRRP packet.
 */
public final class VrrpCodec {

    /** The IPv4 VRRP multicast group, 224.0.0.18 (RFC 3768 5.2.2, RFC 5798 5.1.1.2). */
    public static final VrrpAddress IPV4_MULTICAST_GROUP = VrrpAddress.of(new byte[] {(byte) 224, 0, 0, 18});
    /** The IPv6 VRRP multicast group, ff02::12 (RFC 5798 5.1.2.2). */
    public static final VrrpAddress IPV6_MULTICAST_GROUP = VrrpAddress.parse("ff02::12");

    private final VrrpEncoder encoder;
    private final VrrpDecoder decoder;

    /** A codec for the standard IPv4 multicast group 224.0.0.18. */
    public VrrpCodec() {
        this(IPV4_MULTICAST_GROUP);
    }

    /**
     * A codec whose {@link VrrpChecksumMode#OLD_UNICAST_CHECKSUM} uses {@code ipv4MulticastGroup}
     * (keepalived's {@code vrrp_mcast_group4}) as pseudo-header destination.
     */
    public VrrpCodec(VrrpAddress ipv4MulticastGroup) {
        if (ipv4MulticastGroup.family() != IpFamily.IPV4) {
            throw new IllegalArgumentException("not an IPv4 group: " + ipv4MulticastGroup);
        }
        this.encoder = new VrrpEncoder(ipv4MulticastGroup);
        this.decoder = new VrrpDecoder(ipv4MulticastGroup);
    }

    /**
     * Writes the VRRP message (the IP payload) at {@code out}'s position, computing its checksum,
     * and advances the position past it.
     *
     * @param source the IP source address the message will be sent from (pseudo-header, v3)
     * @param destination the IP destination: multicast group or unicast peer (pseudo-header, v3)
     * @param mode how to form the checksum; {@link VrrpChecksumMode#KERNEL} (IPv6 only) leaves it 0
     * @return the number of bytes written, {@link VrrpPacket#messageLength()}
     * @throws IllegalArgumentException if the addresses are not of the packet's family, or
     *     KERNEL is asked for IPv4
     * @throws java.nio.BufferOverflowException if {@code out} has too little room (nothing written)
     */
    public int encode(VrrpPacket packet, VrrpAddress source, VrrpAddress destination,
            VrrpChecksumMode mode, ByteBuffer out) {
        return encoder.encode(packet, source, destination, mode, out);
    }

    /**
     * Writes a whole IPv4 datagram for a socket with {@code IP_HDRINCL}, as keepalived sends it:
     * a 20-byte header (TOS 0xc0, no fragmentation flags, protocol 112, header checksum filled
     * in) followed by the message of {@link #encode}.
     *
     * @param ttl 255 for multicast (RFC 3768 5.2.3); keepalived's {@code unicast_ttl} otherwise
     * @param identification the IPv4 Identification field (keepalived counts up from 1, skipping 0)
     * @return the number of bytes written, 20 + {@link VrrpPacket#messageLength()}
     */
    public int encodeIpv4(VrrpPacket packet, VrrpAddress source, VrrpAddress destination, int ttl,
            int identification, VrrpChecksumMode mode, ByteBuffer out) {
        return encoder.encodeIpv4(packet, source, destination, ttl, identification, mode, out);
    }

    /**
     * Decodes an IPv4 datagram as a {@code SOCK_RAW} socket for protocol 112 (or 51) receives it,
     * IPv4 header and options included, from {@code datagram}'s position to its limit. The
     * position is left unchanged. The checksum verifies if it matches any
     * {@link VrrpChecksumMode}; see {@link VrrpDecodeResult#checksumMatches}.
     */
    public VrrpDecodeResult decodeIpv4(ByteBuffer datagram) {
        return decoder.decodeIpv4(datagram);
    }

    /**
     * Decodes a bare VRRP message received on an IPv6 raw socket (the kernel has removed the IPv6
     * header), from {@code message}'s position to its limit; the position is left unchanged.
     *
     * @param source the packet's source address (from {@code recvmsg})
     * @param destination the packet's destination (from {@code IPV6_PKTINFO})
     * @param hopLimit the Hop Limit (from {@code IPV6_HOPLIMIT}), or -1 if unknown: then it is not checked
     * @param verifyChecksum false when the socket has {@code IPV6_CHECKSUM} set, which makes the
     *     kernel verify and drop bad packets (as keepalived relies on)
     * @throws IllegalArgumentException if the addresses are not IPv6 or the hop limit is out of range
     */
    public VrrpDecodeResult decodeIpv6(ByteBuffer message, VrrpAddress source, VrrpAddress destination,
            int hopLimit, boolean verifyChecksum) {
        return decoder.decodeIpv6(message, source, destination, hopLimit, verifyChecksum);
    }
}
