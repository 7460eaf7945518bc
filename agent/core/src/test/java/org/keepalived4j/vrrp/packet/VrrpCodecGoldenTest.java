package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.vrrp.packet.GoldenPackets.hex;
import static org.keepalived4j.vrrp.packet.GoldenPackets.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decodes every packet keepalived 2.2.7 sent in {@code golden/} (see its README), checks every
 * field, and encodes the decoded packet back to the identical bytes.
 */
class VrrpCodecGoldenTest {

    private static final VrrpAddress MASTER = VrrpAddress.parse("10.98.51.1");
    private static final VrrpAddress PEER = VrrpAddress.parse("10.98.51.2");
    private static final VrrpAddress GROUP = VrrpCodec.IPV4_MULTICAST_GROUP;

    private final VrrpCodec codec = new VrrpCodec();

    @Test
    void v2WithSimplePassword() {
        byte[] auth = hex("6b346a7061737300"); // "k4jpass", zero padded
        assertIpv4("v2-pass", new VrrpPacket(2, 1, 51, 150, 1, auth, 1, IpFamily.IPV4,
                addresses("10.98.51.100"), 0x5feb), GROUP, 1, VrrpChecksumMode.STANDARD);
        assertIpv4("v2-pass-prio0", new VrrpPacket(2, 1, 51, 0, 1, auth, 1, IpFamily.IPV4,
                addresses("10.98.51.100"), 0xf5eb), GROUP, 4, VrrpChecksumMode.STANDARD);
        assertThat(codec.decodeIpv4(ByteBuffer.wrap(load("v2-pass"))).packet()
                .authDataMatches(VrrpAuth.simplePassword("k4jpass"))).isTrue();
    }

    @Test
    void v2WithoutAuthenticationAndSeveralAddresses() {
        List<VrrpAddress> vips = addresses("10.98.51.101", "10.98.51.102", "10.98.51.103", "192.0.2.7");
        assertIpv4("v2-noauth-multi", new VrrpPacket(2, 1, 52, 200, 0, new byte[8], 2, IpFamily.IPV4,
                vips, 0x9b64), GROUP, 1, VrrpChecksumMode.STANDARD);
        assertIpv4("v2-noauth-multi-prio0", new VrrpPacket(2, 1, 52, 0, 0, new byte[8], 2, IpFamily.IPV4,
                vips, 0x6365), GROUP, 3, VrrpChecksumMode.STANDARD);
    }

    @Test
    void v2Unicast() {
        byte[] auth = "Pw8chars".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertIpv4("v2-unicast", new VrrpPacket(2, 1, 55, 130, 1, auth, 1, IpFamily.IPV4,
                addresses("10.98.51.106"), 0xba4a), PEER, 1, VrrpChecksumMode.STANDARD);
        assertIpv4("v2-unicast-prio0", new VrrpPacket(2, 1, 55, 0, 1, auth, 1, IpFamily.IPV4,
                addresses("10.98.51.106"), 0x3c4b), PEER, 4, VrrpChecksumMode.STANDARD);
    }

    @Test
    void v3OverIpv4Multicast() {
        List<VrrpAddress> vips = addresses("10.98.51.104", "10.98.51.105");
        assertIpv4("v3-ipv4", new VrrpPacket(3, 1, 53, 120, 0, new byte[0], 50, IpFamily.IPV4, vips, 0xbd0a),
                GROUP, 1, VrrpChecksumMode.STANDARD);
        assertIpv4("v3-ipv4-prio0", new VrrpPacket(3, 1, 53, 0, 0, new byte[0], 50, IpFamily.IPV4, vips, 0x350b),
                GROUP, 7, VrrpChecksumMode.STANDARD);
        VrrpDecodeResult result = codec.decodeIpv4(ByteBuffer.wrap(load("v3-ipv4")));
        // Sent to the group, the old unicast form coincides with the standard one.
        assertThat(result.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM)).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.V3_CHECKSUM_AS_V2)).isFalse();
    }

    @Test
    void v3OverIpv4UnicastUsesTheRealDestinationInThePseudoHeader() {
        List<VrrpAddress> vips = addresses("10.98.51.107");
        assertIpv4("v3-unicast", new VrrpPacket(3, 1, 56, 140, 0, new byte[0], 25, IpFamily.IPV4, vips, 0x899c),
                PEER, 1, VrrpChecksumMode.STANDARD);
        assertIpv4("v3-unicast-prio0", new VrrpPacket(3, 1, 56, 0, 0, new byte[0], 25, IpFamily.IPV4, vips, 0x159d),
                PEER, 12, VrrpChecksumMode.STANDARD);
        VrrpDecodeResult result = codec.decodeIpv4(ByteBuffer.wrap(load("v3-unicast")));
        assertThat(result.checksumMatches(VrrpChecksumMode.STANDARD)).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM)).isFalse();
        assertThat(result.checksumMatches(VrrpChecksumMode.V3_CHECKSUM_AS_V2)).isFalse();
    }

    @Test
    void v3OverIpv4UnicastWithOldUnicastChecksumUsesTheGroupInThePseudoHeader() {
        List<VrrpAddress> vips = addresses("10.98.51.108");
        assertIpv4("v3-unicast-old-checksum", new VrrpPacket(3, 1, 57, 145, 0, new byte[0], 100, IpFamily.IPV4,
                vips, 0xe1a0), PEER, 1, VrrpChecksumMode.OLD_UNICAST_CHECKSUM);
        assertIpv4("v3-unicast-old-checksum-prio0", new VrrpPacket(3, 1, 57, 0, 0, new byte[0], 100, IpFamily.IPV4,
                vips, 0x72a1), PEER, 4, VrrpChecksumMode.OLD_UNICAST_CHECKSUM);
        VrrpDecodeResult result = codec.decodeIpv4(ByteBuffer.wrap(load("v3-unicast-old-checksum")));
        assertThat(result.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM)).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.STANDARD)).isFalse();
    }

    @Test
    void v3OverIpv6() {
        List<VrrpAddress> vips = List.of(VrrpAddress.parse("fd98:51::100"), VrrpAddress.parse("fd98:51::101"));
        assertIpv6("v3-ipv6", new VrrpPacket(3, 1, 54, 110, 0, new byte[0], 100, IpFamily.IPV6, vips, 0xb67d));
        assertIpv6("v3-ipv6-prio0", new VrrpPacket(3, 1, 54, 0, 0, new byte[0], 100, IpFamily.IPV6, vips, 0x247e));
    }

    @Test
    void ahWrappedV2IsRecognisedAndCountedAsAnAuthTypeMismatch() {
        for (String name : List.of("v2-ah", "v2-ah-prio0")) {
            VrrpDecodeResult result = codec.decodeIpv4(ByteBuffer.wrap(load(name)));
            assertThat(result.valid()).isFalse();
            assertThat(result.error()).isEqualTo(VrrpDecodeError.AH_AUTHENTICATION);
            assertThat(result.error().counter()).isEqualTo(VrrpCounter.AUTHTYPE_MISMATCH);
            assertThat(result.vrid()).isEqualTo(58);
            assertThat(result.packet()).isNull();
            assertThat(result.ip()).isEqualTo(new IpMetadata(MASTER, GROUP, 255, 51, 20, 64));
        }
    }

    private void assertIpv4(String name, VrrpPacket expected, VrrpAddress destination, int identification,
            VrrpChecksumMode mode) {
        byte[] datagram = load(name);
        VrrpDecodeResult result = codec.decodeIpv4(ByteBuffer.wrap(datagram));
        assertThat(result.valid()).as(name + ": " + result).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.vrid()).isEqualTo(expected.vrid());
        assertThat(result.packet()).isEqualTo(expected);
        assertThat(result.packet().authData()).containsExactly(expected.authData());
        assertThat(result.ip()).isEqualTo(new IpMetadata(MASTER, destination, 255, 112, 20, datagram.length));
        assertThat(result.checksumMatches(mode)).isTrue();

        ByteBuffer out = ByteBuffer.allocate(100);
        int written = codec.encodeIpv4(expected, MASTER, destination, 255, identification, mode, out);
        assertThat(written).isEqualTo(datagram.length).isEqualTo(out.position());
        assertThat(Arrays.copyOf(out.array(), written)).as(name).isEqualTo(datagram);

        ByteBuffer message = ByteBuffer.allocate(100);
        assertThat(codec.encode(expected, MASTER, destination, mode, message)).isEqualTo(datagram.length - 20);
        assertThat(Arrays.copyOf(message.array(), message.position()))
                .isEqualTo(Arrays.copyOfRange(datagram, 20, datagram.length));
    }

    private void assertIpv6(String name, VrrpPacket expected) {
        byte[] packet = load(name);
        VrrpAddress source = GoldenPackets.ipv6Source(packet);
        VrrpAddress destination = GoldenPackets.ipv6Destination(packet);
        assertThat(destination).isEqualTo(VrrpCodec.IPV6_MULTICAST_GROUP);
        assertThat(source.toString()).startsWith("fe80::");
        byte[] message = Arrays.copyOfRange(packet, 40, packet.length);

        VrrpDecodeResult result = codec.decodeIpv6(GoldenPackets.ipv6Message(packet), source, destination,
                GoldenPackets.ipv6HopLimit(packet), true);
        assertThat(result.valid()).as(name + ": " + result).isTrue();
        assertThat(result.packet()).isEqualTo(expected);
        assertThat(result.ip()).isEqualTo(new IpMetadata(source, destination, 255, 112, 0, message.length));
        assertThat(result.checksumMatches(VrrpChecksumMode.STANDARD)).isTrue();

        ByteBuffer out = ByteBuffer.allocate(200);
        codec.encode(expected, source, destination, VrrpChecksumMode.STANDARD, out);
        assertThat(Arrays.copyOf(out.array(), out.position())).as(name).isEqualTo(message);

        ByteBuffer forKernel = ByteBuffer.allocate(200);
        codec.encode(expected, source, destination, VrrpChecksumMode.KERNEL, forKernel);
        byte[] expectedForKernel = message.clone();
        expectedForKernel[6] = 0;
        expectedForKernel[7] = 0;
        assertThat(Arrays.copyOf(forKernel.array(), forKernel.position())).isEqualTo(expectedForKernel);
    }

    private static List<VrrpAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(VrrpAddress::parse).toList();
    }
}
