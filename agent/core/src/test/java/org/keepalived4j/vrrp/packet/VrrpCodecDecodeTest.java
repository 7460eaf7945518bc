package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.vrrp.packet.GoldenPackets.fixVrrpChecksum;
import static org.keepalived4j.vrrp.packet.GoldenPackets.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every decode failure class, built by changing real keepalived packets from {@code golden/}. */
class VrrpCodecDecodeTest {

    private static final int V2 = 20; // offset of the VRRP message in the golden IPv4 datagrams

    private final VrrpCodec codec = new VrrpCodec();

    @Test
    void rejectsDatagramShorterThanAnIpv4Header() {
        VrrpDecodeResult result = decode(Arrays.copyOf(load("v2-pass"), 19));
        assertFailure(result, VrrpDecodeError.TRUNCATED, VrrpCounter.UNCOUNTED, -1);
        assertThat(result.ip()).isNull();
    }

    @Test
    void rejectsDatagramTooShortForTheVrrpHeader() {
        VrrpDecodeResult result = decode(Arrays.copyOf(load("v2-pass"), V2 + 7));
        assertFailure(result, VrrpDecodeError.TRUNCATED, VrrpCounter.UNCOUNTED, -1);
        assertThat(result.ip().protocol()).isEqualTo(112);
    }

    @Test
    void rejectsIpVersionOtherThan4AndHeaderLengthBelow20() {
        byte[] ipv6 = load("v2-pass");
        ipv6[0] = 0x65;
        assertFailure(decode(ipv6), VrrpDecodeError.MALFORMED_IP_HEADER, VrrpCounter.UNCOUNTED, -1);
        byte[] shortHeader = load("v2-pass");
        shortHeader[0] = 0x44;
        assertFailure(decode(shortHeader), VrrpDecodeError.MALFORMED_IP_HEADER, VrrpCounter.UNCOUNTED, -1);
    }

    @Test
    void ignoresOtherIpProtocols() {
        byte[] udp = load("v2-pass");
        udp[9] = 17;
        VrrpDecodeResult result = decode(udp);
        assertFailure(result, VrrpDecodeError.NOT_VRRP, VrrpCounter.UNCOUNTED, -1);
        assertThat(result.ip().protocol()).isEqualTo(17);
    }

    @Test
    void rejectsAhPacketTooShortToReachTheVrrpHeader() {
        byte[] ah = Arrays.copyOf(load("v2-ah"), 20 + 24 + 7);
        assertFailure(decode(ah), VrrpDecodeError.TRUNCATED, VrrpCounter.UNCOUNTED, -1);
    }

    @Test
    void countsLengthNotMatchingTheAddressCountAsPacketLengthError() {
        assertFailure(decode(Arrays.copyOf(load("v2-pass"), 41)), VrrpDecodeError.LENGTH_MISMATCH,
                VrrpCounter.PACKET_LEN_ERR, 51);
        assertFailure(decode(Arrays.copyOf(load("v2-pass"), 39)), VrrpDecodeError.LENGTH_MISMATCH,
                VrrpCounter.PACKET_LEN_ERR, 51);
        byte[] twoAddresses = load("v3-ipv4");
        twoAddresses[V2 + 3] = 3;
        assertFailure(decode(twoAddresses), VrrpDecodeError.LENGTH_MISMATCH, VrrpCounter.PACKET_LEN_ERR, 53);
    }

    @Test
    void expectsTheLayoutOfTheVersionFieldLikeKeepalived() {
        // Version 1 has no authentication data in keepalived's length rule, so a v2-sized packet
        // claiming version 1 is a length error before it is a version error.
        byte[] version1 = load("v2-pass");
        version1[V2] = 0x11;
        assertFailure(decode(version1), VrrpDecodeError.LENGTH_MISMATCH, VrrpCounter.PACKET_LEN_ERR, 51);
    }

    @Test
    void rejectsTtlOtherThan255ButStillDecodesThePacket() {
        byte[] datagram = load("v2-pass");
        datagram[8] = 64;
        VrrpDecodeResult result = decode(datagram);
        assertFailure(result, VrrpDecodeError.TTL_NOT_255, VrrpCounter.IP_TTL_ERR, 51);
        assertThat(result.ip().ttl()).isEqualTo(64);
        assertThat(result.packet().priority()).isEqualTo(150);
        assertThat(VrrpDecodeError.TTL_NOT_255.packetDecoded()).isTrue();
    }

    @Test
    void rejectsHopLimitOtherThan255AndSkipsTheCheckWhenUnknown() {
        byte[] packet = load("v3-ipv6");
        VrrpAddress source = GoldenPackets.ipv6Source(packet);
        VrrpAddress destination = GoldenPackets.ipv6Destination(packet);
        VrrpDecodeResult hopLimit1 = codec.decodeIpv6(GoldenPackets.ipv6Message(packet), source, destination, 1, true);
        assertFailure(hopLimit1, VrrpDecodeError.TTL_NOT_255, VrrpCounter.IP_TTL_ERR, 54);
        assertThat(codec.decodeIpv6(GoldenPackets.ipv6Message(packet), source, destination, -1, true).valid())
                .isTrue();
    }

    @Test
    void rejectsUnknownVersion() {
        byte[] version4 = load("v3-ipv4");
        version4[V2] = 0x41;
        VrrpDecodeResult result = decode(version4);
        assertFailure(result, VrrpDecodeError.BAD_VERSION, VrrpCounter.VERS_ERR, 53);
        assertThat(result.packet()).isNull();
    }

    @Test
    void rejectsVersion2OverIpv6() {
        byte[] packet = load("v3-ipv6");
        packet[40] = 0x21;
        VrrpDecodeResult result = codec.decodeIpv6(GoldenPackets.ipv6Message(packet),
                GoldenPackets.ipv6Source(packet), GoldenPackets.ipv6Destination(packet), 255, false);
        assertFailure(result, VrrpDecodeError.BAD_VERSION, VrrpCounter.VERS_ERR, 54);
    }

    @Test
    void reportsTtlBeforeVersionAsKeepalivedChecksThem() {
        byte[] datagram = load("v3-ipv4");
        datagram[8] = 1;
        datagram[V2] = 0x01;
        VrrpDecodeResult result = decode(datagram);
        assertThat(result.error()).isEqualTo(VrrpDecodeError.TTL_NOT_255);
        assertThat(result.has(VrrpDecodeError.BAD_VERSION)).isTrue();
        assertThat(result.packet()).isNull();
    }

    @Test
    void rejectsUnknownV2AuthType() {
        byte[] datagram = load("v2-pass");
        datagram[V2 + 4] = 3;
        VrrpDecodeResult result = decode(fixVrrpChecksum(datagram));
        assertFailure(result, VrrpDecodeError.INVALID_AUTH_TYPE, VrrpCounter.INVALID_AUTHTYPE, 51);
        assertThat(result.packet().authType()).isEqualTo(3);
    }

    @Test
    void acceptsTheThreeAuthTypesKeepalivedKnows() {
        for (int authType = 0; authType <= 2; authType++) {
            byte[] datagram = load("v2-pass");
            datagram[V2 + 4] = (byte) authType;
            assertThat(decode(fixVrrpChecksum(datagram)).valid()).isTrue();
        }
    }

    @Test
    void rejectsTypeOtherThanAdvertisement() {
        byte[] v2 = load("v2-pass");
        v2[V2] = 0x22;
        VrrpDecodeResult result = decode(fixVrrpChecksum(v2));
        assertFailure(result, VrrpDecodeError.INVALID_TYPE, VrrpCounter.INVALID_TYPE_RCVD, 51);
        assertThat(result.packet().type()).isEqualTo(2);

        byte[] v6 = load("v3-ipv6");
        v6[40] = 0x30;
        VrrpDecodeResult ipv6 = codec.decodeIpv6(GoldenPackets.ipv6Message(v6), GoldenPackets.ipv6Source(v6),
                GoldenPackets.ipv6Destination(v6), 255, false);
        assertFailure(ipv6, VrrpDecodeError.INVALID_TYPE, VrrpCounter.INVALID_TYPE_RCVD, 54);
    }

    @Test
    void rejectsIpTotalLengthDifferentFromTheBytesReceived() {
        byte[] datagram = load("v2-pass");
        datagram[3] = 44;
        VrrpDecodeResult result = decode(datagram);
        assertFailure(result, VrrpDecodeError.TOTAL_LENGTH_MISMATCH, VrrpCounter.PACKET_LEN_ERR, 51);
        assertThat(result.ip().totalLength()).isEqualTo(44);
    }

    @Test
    void rejectsBadChecksums() {
        for (String name : new String[] {"v2-pass", "v2-unicast", "v3-ipv4", "v3-unicast", "v3-unicast-old-checksum"}) {
            byte[] datagram = load(name);
            datagram[datagram.length - 1] ^= 0x01;
            VrrpDecodeResult result = decode(datagram);
            assertThat(result.error()).as(name).isEqualTo(VrrpDecodeError.BAD_CHECKSUM);
            assertThat(result.error().counter()).isEqualTo(VrrpCounter.CHK_ERR);
            for (VrrpChecksumMode mode : VrrpChecksumMode.values()) {
                assertThat(result.checksumMatches(mode)).isFalse();
            }
        }
    }

    @Test
    void verifiesIpv6ChecksumOnlyWhenAsked() {
        byte[] packet = load("v3-ipv6");
        packet[packet.length - 1] ^= 0x01;
        VrrpAddress source = GoldenPackets.ipv6Source(packet);
        VrrpAddress destination = GoldenPackets.ipv6Destination(packet);
        assertFailure(codec.decodeIpv6(GoldenPackets.ipv6Message(packet), source, destination, 255, true),
                VrrpDecodeError.BAD_CHECKSUM, VrrpCounter.CHK_ERR, 54);
        VrrpDecodeResult trusted = codec.decodeIpv6(GoldenPackets.ipv6Message(packet), source, destination, 255, false);
        assertThat(trusted.valid()).isTrue();
        assertThat(trusted.checksumMatches(VrrpChecksumMode.KERNEL)).isTrue();
    }

    @Test
    void reportsEveryFaultAndTheFirstInKeepalivedOrder() {
        byte[] datagram = load("v2-pass");
        datagram[8] = 64;
        datagram[V2] = 0x22;
        datagram[V2 + 4] = 7;
        VrrpDecodeResult result = decode(datagram);
        assertThat(result.error()).isEqualTo(VrrpDecodeError.TTL_NOT_255);
        assertThat(result.has(VrrpDecodeError.INVALID_AUTH_TYPE)).isTrue();
        assertThat(result.has(VrrpDecodeError.INVALID_TYPE)).isTrue();
        assertThat(result.has(VrrpDecodeError.BAD_CHECKSUM)).isTrue();
        assertThat(result.has(VrrpDecodeError.TOTAL_LENGTH_MISMATCH)).isFalse();
        assertThat(result.toString()).contains("TTL_NOT_255+INVALID_AUTH_TYPE+INVALID_TYPE+BAD_CHECKSUM");
    }

    @Test
    void skipsIpv4Options() {
        byte[] plain = load("v2-pass");
        byte[] withOption = new byte[plain.length + 4];
        System.arraycopy(plain, 0, withOption, 0, 20);
        withOption[0] = 0x46;
        withOption[3] = (byte) withOption.length;
        System.arraycopy(new byte[] {(byte) 0x94, 4, 0, 0}, 0, withOption, 20, 4); // Router Alert
        System.arraycopy(plain, 20, withOption, 24, plain.length - 20);
        VrrpDecodeResult result = decode(withOption);
        assertThat(result.valid()).as(result.toString()).isTrue();
        assertThat(result.ip().headerLength()).isEqualTo(24);
        assertThat(result.packet()).isEqualTo(decode(plain).packet());
    }

    @Test
    void readsFromPositionToLimitAndLeavesThePositionAlone() {
        byte[] datagram = load("v3-ipv4");
        byte[] padded = new byte[datagram.length + 10];
        System.arraycopy(datagram, 0, padded, 3, datagram.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, 3, datagram.length);
        VrrpDecodeResult result = codec.decodeIpv4(buffer);
        assertThat(result.valid()).isTrue();
        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.limit()).isEqualTo(3 + datagram.length);

        ByteBuffer direct = ByteBuffer.allocateDirect(datagram.length).put(datagram).flip();
        assertThat(codec.decodeIpv4(direct).packet()).isEqualTo(result.packet());
    }

    @Test
    void usesTheConfiguredGroupForTheOldUnicastChecksum() {
        VrrpCodec customGroup = new VrrpCodec(VrrpAddress.parse("239.9.9.9"));
        VrrpPacket packet = VrrpPacket.advertisementV3(IpFamily.IPV4, 9, 100, 100,
                java.util.List.of(VrrpAddress.parse("10.0.0.9")));
        ByteBuffer out = ByteBuffer.allocate(64);
        VrrpAddress source = VrrpAddress.parse("10.0.0.1");
        VrrpAddress peer = VrrpAddress.parse("10.0.0.2");
        customGroup.encodeIpv4(packet, source, peer, 255, 1, VrrpChecksumMode.OLD_UNICAST_CHECKSUM, out);
        out.flip();
        VrrpDecodeResult result = customGroup.decodeIpv4(out);
        assertThat(result.valid()).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM)).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.STANDARD)).isFalse();
        assertThat(codec.decodeIpv4(out).error()).isEqualTo(VrrpDecodeError.BAD_CHECKSUM);
    }

    @Test
    void refusesIpv6DecodingWithIpv4AddressesOrAnImpossibleHopLimit() {
        byte[] packet = load("v3-ipv6");
        VrrpAddress source = GoldenPackets.ipv6Source(packet);
        VrrpAddress ipv4 = VrrpAddress.parse("10.0.0.1");
        ByteBuffer message = GoldenPackets.ipv6Message(packet);
        assertThatThrownBy(() -> codec.decodeIpv6(message, ipv4, source, 255, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decodeIpv6(message, source, source, 256, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsThePasswordInDescriptions() {
        VrrpDecodeResult result = decode(load("v2-pass"));
        assertThat(result.toString()).doesNotContain("k4jpass").doesNotContain("6b346a70");
        assertThat(result.packet().toString()).doesNotContain("k4jpass");
    }

    private VrrpDecodeResult decode(byte[] datagram) {
        return codec.decodeIpv4(ByteBuffer.wrap(datagram));
    }

    private static void assertFailure(VrrpDecodeResult result, VrrpDecodeError error, VrrpCounter counter, int vrid) {
        assertThat(result.valid()).isFalse();
        assertThat(result.error()).as(result.toString()).isEqualTo(error);
        assertThat(result.has(error)).isTrue();
        assertThat(result.error().counter()).isEqualTo(counter);
        assertThat(result.vrid()).isEqualTo(vrid);
        assertThat(result.packet() != null).isEqualTo(error.packetDecoded());
    }
}
