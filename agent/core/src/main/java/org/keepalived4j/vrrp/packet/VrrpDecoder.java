package org.keepalived4j.vrrp.packet;

import static org.keepalived4j.vrrp.packet.VrrpDecodeResult.CHECKSUM_ANY;
import static org.keepalived4j.vrrp.packet.VrrpDecodeResult.CHECKSUM_MESSAGE_ONLY;
import static org.keepalived4j.vrrp.packet.VrrpDecodeResult.CHECKSUM_OLD_UNICAST;
import static org.keepalived4j.vrrp.packet.VrrpDecodeResult.CHECKSUM_STANDARD;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes received bytes into a {@link VrrpDecodeResult}. Every check reads within the bounds it
 * has just established, so no input can throw.
 */
final class VrrpDecoder {

    private static final int IPV4_MIN_HEADER = 20;
    private static final int AH_HEADER_LENGTH = 24;

    private final VrrpAddress ipv4MulticastGroup;

    VrrpDecoder(VrrpAddress ipv4MulticastGroup) {
        this.ipv4MulticastGroup = ipv4MulticastGroup;
    }

    VrrpDecodeResult decodeIpv4(ByteBuffer buffer) {
        int base = buffer.position();
        int length = buffer.remaining();
        if (length < IPV4_MIN_HEADER) {
            return VrrpDecodeResult.failed(VrrpDecodeError.TRUNCATED, -1, null);
        }
        int versionIhl = u8(buffer, base);
        int headerLength = (versionIhl & 0x0f) * 4;
        if (versionIhl >>> 4 != 4 || headerLength < IPV4_MIN_HEADER) {
            return VrrpDecodeResult.failed(VrrpDecodeError.MALFORMED_IP_HEADER, -1, null);
        }
        int protocol = u8(buffer, base + 9);
        IpMetadata ip = new IpMetadata(
                VrrpAddress.read(buffer, base + 12, IpFamily.IPV4),
                VrrpAddress.read(buffer, base + 16, IpFamily.IPV4),
                u8(buffer, base + 8), protocol, headerLength, u16(buffer, base + 2));
        if (protocol != VrrpPacket.IP_PROTOCOL && protocol != VrrpPacket.IP_PROTOCOL_AH) {
            return VrrpDecodeResult.failed(VrrpDecodeError.NOT_VRRP, -1, ip);
        }
        int vrrpOffset = headerLength + (protocol == VrrpPacket.IP_PROTOCOL_AH ? AH_HEADER_LENGTH : 0);
        if (length < vrrpOffset + VrrpPacket.HEADER_LENGTH) {
            return VrrpDecodeResult.failed(VrrpDecodeError.TRUNCATED, -1, ip);
        }
        int vrid = u8(buffer, base + vrrpOffset + 1);
        if (protocol == VrrpPacket.IP_PROTOCOL_AH) {
            return VrrpDecodeResult.failed(VrrpDecodeError.AH_AUTHENTICATION, vrid, ip);
        }
        return decodeMessage(buffer, base + headerLength, length - headerLength, IpFamily.IPV4, ip, true);
    }

    VrrpDecodeResult decodeIpv6(ByteBuffer buffer, VrrpAddress source, VrrpAddress destination,
            int hopLimit, boolean verifyChecksum) {
        if (source.family() != IpFamily.IPV6 || destination.family() != IpFamily.IPV6) {
            throw new IllegalArgumentException("IPv6 source and destination needed: " + source + ", " + destination);
        }
        if (hopLimit < -1 || hopLimit > 255) {
            throw new IllegalArgumentException("hop limit must be -1 (unknown) or 0-255, not " + hopLimit);
        }
        int length = buffer.remaining();
        IpMetadata ip = new IpMetadata(source, destination, hopLimit, VrrpPacket.IP_PROTOCOL, 0, length);
        if (length < VrrpPacket.HEADER_LENGTH) {
            return VrrpDecodeResult.failed(VrrpDecodeError.TRUNCATED, -1, ip);
        }
        return decodeMessage(buffer, buffer.position(), length, IpFamily.IPV6, ip, verifyChecksum);
    }

    /** The checks of keepalived's {@code vrrp_check_packet} that depend on the bytes only, in its order. */
    private VrrpDecodeResult decodeMessage(ByteBuffer buffer, int offset, int length, IpFamily family,
            IpMetadata ip, boolean verifyChecksum) {
        int versionType = u8(buffer, offset);
        int version = versionType >>> 4;
        int vrid = u8(buffer, offset + 1);
        int count = u8(buffer, offset + 3);
        boolean v2 = version == 2;
        int expected = VrrpPacket.HEADER_LENGTH + count * family.addressLength()
                + (v2 && family == IpFamily.IPV4 ? VrrpPacket.AUTH_DATA_LENGTH : 0);
        if (length != expected) {
            return VrrpDecodeResult.failed(VrrpDecodeError.LENGTH_MISMATCH, vrid, ip);
        }
        int faults = 0;
        if (ip.ttl() != -1 && ip.ttl() != VrrpPacket.REQUIRED_TTL) {
            faults |= VrrpDecodeError.TTL_NOT_255.bit();
        }
        if (!(version == 3 || v2 && family == IpFamily.IPV4)) {
            return new VrrpDecodeResult(faults | VrrpDecodeError.BAD_VERSION.bit(), vrid, null, ip, 0);
        }
        int authType = v2 ? u8(buffer, offset + 4) : 0;
        if (authType > VrrpPacket.AUTH_AH) {
            faults |= VrrpDecodeError.INVALID_AUTH_TYPE.bit();
        }
        if ((versionType & 0x0f) != VrrpPacket.TYPE_ADVERTISEMENT) {
            faults |= VrrpDecodeError.INVALID_TYPE.bit();
        }
        if (family == IpFamily.IPV4 && ip.totalLength() != ip.headerLength() + length) {
            faults |= VrrpDecodeError.TOTAL_LENGTH_MISMATCH.bit();
        }
        int checksumForms = verifyChecksum
                ? checksumForms(buffer, offset, length, family, v2, ip)
                : CHECKSUM_ANY;
        if (checksumForms == 0) {
            faults |= VrrpDecodeError.BAD_CHECKSUM.bit();
        }
        return new VrrpDecodeResult(faults, vrid,
                packet(buffer, offset, version, count, family), ip, checksumForms);
    }

    /** Which checksum forms verify (see {@link VrrpChecksumMode}); 0 if none. */
    private int checksumForms(ByteBuffer buffer, int offset, int length, IpFamily family, boolean v2, IpMetadata ip) {
        int message = InternetChecksum.sum(buffer, offset, length);
        if (v2) {
            return InternetChecksum.verifies(message) ? CHECKSUM_ANY : 0;
        }
        int pseudo = message + ip.source().checksumWords() + VrrpPacket.IP_PROTOCOL + length;
        if (family == IpFamily.IPV6) {
            return InternetChecksum.verifies(pseudo + ip.destination().checksumWords()) ? CHECKSUM_ANY : 0;
        }
        int forms = 0;
        if (InternetChecksum.verifies(pseudo + ip.destination().checksumWords())) {
            forms |= CHECKSUM_STANDARD;
        }
        if (InternetChecksum.verifies(pseudo + ipv4MulticastGroup.checksumWords())) {
            forms |= CHECKSUM_OLD_UNICAST;
        }
        if (InternetChecksum.verifies(message)) {
            forms |= CHECKSUM_MESSAGE_ONLY;
        }
        return forms;
    }

    private static VrrpPacket packet(ByteBuffer buffer, int offset, int version, int count, IpFamily family) {
        VrrpAddress[] read = new VrrpAddress[count];
        int addressOffset = offset + VrrpPacket.HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            read[i] = VrrpAddress.read(buffer, addressOffset, family);
            addressOffset += family.addressLength();
        }
        List<VrrpAddress> addresses = List.of(read); // immutable already: the packet keeps it as is
        int type = u8(buffer, offset) & 0x0f;
        int vrid = u8(buffer, offset + 1);
        int priority = u8(buffer, offset + 2);
        int checksum = u16(buffer, offset + 6);
        if (version == 2) {
            byte[] authData = new byte[VrrpPacket.AUTH_DATA_LENGTH];
            buffer.get(addressOffset, authData);
            return new VrrpPacket(2, type, vrid, priority, u8(buffer, offset + 4), authData,
                    u8(buffer, offset + 5), family, addresses, checksum);
        }
        return new VrrpPacket(3, type, vrid, priority, 0, VrrpPacket.NO_AUTH_DATA,
                u16(buffer, offset + 4) & 0x0fff, family, addresses, checksum);
    }

    private static int u8(ByteBuffer buffer, int index) {
        return buffer.get(index) & 0xff;
    }

    private static int u16(ByteBuffer buffer, int index) {
        return (u8(buffer, index) << 8) | u8(buffer, index + 1);
    }
}
