package org.keepalived4j.vrrp.packet;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes VRRP messages and IPv4 datagrams into caller-provided buffers, without allocating. */
final class VrrpEncoder {

    static final int IPV4_HEADER_LENGTH = 20;
    /** IPv4 TOS "internetwork control" (precedence 6), as keepalived sends. */
    private static final int IPV4_TOS = 0xc0;

    private final VrrpAddress ipv4MulticastGroup;

    VrrpEncoder(VrrpAddress ipv4MulticastGroup) {
        this.ipv4MulticastGroup = ipv4MulticastGroup;
    }

    int encode(VrrpPacket packet, VrrpAddress source, VrrpAddress destination, VrrpChecksumMode mode,
            ByteBuffer out) {
        checkArguments(packet, source, destination, mode);
        int length = packet.messageLength();
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        int start = out.position();
        writeMessage(packet, out);
        if (mode != VrrpChecksumMode.KERNEL) {
            int sum = InternetChecksum.sum(out, start, length) + pseudoHeaderSum(packet, source, destination, mode);
            out.put(start + 6, (byte) (InternetChecksum.checksum(sum) >>> 8));
            out.put(start + 7, (byte) InternetChecksum.checksum(sum));
        }
        return length;
    }

    int encodeIpv4(VrrpPacket packet, VrrpAddress source, VrrpAddress destination, int ttl,
            int identification, VrrpChecksumMode mode, ByteBuffer out) {
        checkArguments(packet, source, destination, mode);
        if (packet.family() != IpFamily.IPV4) {
            throw new IllegalArgumentException("an IPv4 datagram needs an IPv4 packet");
        }
        if (ttl < 0 || ttl > 255 || identification < 0 || identification > 0xffff) {
            throw new IllegalArgumentException("ttl 0-255 and identification 0-65535 needed");
        }
        int total = IPV4_HEADER_LENGTH + packet.messageLength();
        if (out.remaining() < total) {
            throw new BufferOverflowException();
        }
        int start = out.position();
        out.put((byte) 0x45).put((byte) IPV4_TOS).putShort((short) total).putShort((short) identification)
                .putShort((short) 0).put((byte) ttl).put((byte) VrrpPacket.IP_PROTOCOL).putShort((short) 0);
        source.writeTo(out);
        destination.writeTo(out);
        int headerChecksum = InternetChecksum.checksum(InternetChecksum.sum(out, start, IPV4_HEADER_LENGTH));
        out.put(start + 10, (byte) (headerChecksum >>> 8));
        out.put(start + 11, (byte) headerChecksum);
        encode(packet, source, destination, mode, out);
        return total;
    }

    private static void checkArguments(VrrpPacket packet, VrrpAddress source, VrrpAddress destination,
            VrrpChecksumMode mode) {
        if (source.family() != packet.family() || destination.family() != packet.family()) {
            throw new IllegalArgumentException("source " + source + " and destination " + destination
                    + " must be " + packet.family() + " like the packet");
        }
        if (mode == VrrpChecksumMode.KERNEL && packet.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("only IPv6 raw sockets compute the VRRP checksum");
        }
    }

    private static void writeMessage(VrrpPacket packet, ByteBuffer out) {
        out.put((byte) (packet.version() << 4 | packet.type()))
                .put((byte) packet.vrid())
                .put((byte) packet.priority())
                .put((byte) packet.addresses().size());
        if (packet.version() == 2) {
            out.put((byte) packet.authType()).put((byte) packet.advertInterval());
        } else {
            out.putShort((short) packet.advertInterval());
        }
        out.putShort((short) 0);
        List<VrrpAddress> addresses = packet.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            addresses.get(i).writeTo(out);
        }
        if (packet.version() == 2) {
            packet.writeAuthData(out);
        }
    }

    /** The unfolded pseudo-header sum of RFC 5798 5.2.8 for VRRPv3, or 0 where there is none. */
    private int pseudoHeaderSum(VrrpPacket packet, VrrpAddress source, VrrpAddress destination,
            VrrpChecksumMode mode) {
        if (packet.version() == 2) {
            return 0;
        }
        VrrpAddress pseudoDestination = destination;
        if (packet.family() == IpFamily.IPV4) {
            if (mode == VrrpChecksumMode.V3_CHECKSUM_AS_V2) {
                return 0;
            }
            if (mode == VrrpChecksumMode.OLD_UNICAST_CHECKSUM) {
                pseudoDestination = ipv4MulticastGroup;
            }
        }
        return source.checksumWords() + pseudoDestination.checksumWords() + VrrpPacket.IP_PROTOCOL
                + packet.messageLength();
    }
}
