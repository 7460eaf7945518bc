package org.keepalived4j.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the captured keepalived packets of {@code golden/} and builds variants of them. */
final class GoldenPackets {

    private GoldenPackets() {
    }

    /** The whole IP packet of {@code golden/NAME.hex}. */
    static byte[] load(String name) {
        try (InputStream in = GoldenPackets.class.getResourceAsStream("golden/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden packet " + name);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** The VRRP message of a captured IPv6 packet (its 40-byte header removed, as the kernel does). */
    static ByteBuffer ipv6Message(byte[] ipv6Packet) {
        return ByteBuffer.wrap(ipv6Packet, 40, ipv6Packet.length - 40).slice();
    }

    static VrrpAddress ipv6Source(byte[] ipv6Packet) {
        return VrrpAddress.of(java.util.Arrays.copyOfRange(ipv6Packet, 8, 24));
    }

    static VrrpAddress ipv6Destination(byte[] ipv6Packet) {
        return VrrpAddress.of(java.util.Arrays.copyOfRange(ipv6Packet, 24, 40));
    }

    static int ipv6HopLimit(byte[] ipv6Packet) {
        return ipv6Packet[7] & 0xff;
    }

    /**
     * Recomputes the VRRP checksum of an IPv4 datagram (after a test changed a field) the way a
     * sender would: message only for v2, with the pseudo-header for v3.
     */
    static byte[] fixVrrpChecksum(byte[] datagram) {
        int ihl = (datagram[0] & 0x0f) * 4;
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        int length = datagram.length - ihl;
        buffer.putShort(ihl + 6, (short) 0);
        int sum = InternetChecksum.sum(buffer, ihl, length);
        if ((datagram[ihl] & 0xf0) == 0x30) {
            sum += InternetChecksum.sum(buffer, 12, 8) + VrrpPacket.IP_PROTOCOL + length;
        }
        buffer.putShort(ihl + 6, (short) InternetChecksum.checksum(sum));
        return datagram;
    }
}
