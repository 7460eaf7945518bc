package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpCodecEncodeTest {

    private static final VrrpAddress SOURCE = VrrpAddress.parse("192.0.2.1");
    private static final VrrpAddress PEER = VrrpAddress.parse("192.0.2.2");
    private static final VrrpAddress SOURCE6 = VrrpAddress.parse("fe80::1");

    private final VrrpCodec codec = new VrrpCodec();

    @Test
    void writesNothingWhenTheBufferIsTooSmall() {
        VrrpPacket packet = VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 100, 100,
                List.of(VrrpAddress.parse("192.0.2.10"), VrrpAddress.parse("192.0.2.11")));
        ByteBuffer out = ByteBuffer.allocate(packet.messageLength() - 1);
        out.put(0, (byte) 0x5a);
        assertThatThrownBy(() -> codec.encode(packet, SOURCE, PEER, VrrpChecksumMode.STANDARD, out))
                .isInstanceOf(BufferOverflowException.class);
        assertThatThrownBy(() -> codec.encodeIpv4(packet, SOURCE, PEER, 255, 1, VrrpChecksumMode.STANDARD,
                ByteBuffer.allocate(20 + packet.messageLength() - 1)))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
        assertThat(out.get(0)).isEqualTo((byte) 0x5a);
    }

    @Test
    void leavesTheChecksumToTheKernelOnlyForIpv6() {
        VrrpPacket ipv4 = VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 100, 100, List.of());
        assertThatThrownBy(() -> codec.encode(ipv4, SOURCE, PEER, VrrpChecksumMode.KERNEL, ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAddressesOfAnotherFamily() {
        VrrpPacket ipv4 = VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 100, 100, List.of());
        assertThatThrownBy(() -> codec.encode(ipv4, SOURCE6, PEER, VrrpChecksumMode.STANDARD, ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalArgumentException.class);
        VrrpPacket ipv6 = VrrpPacket.advertisementV3(IpFamily.IPV6, 1, 100, 100, List.of());
        assertThatThrownBy(() -> codec.encodeIpv4(ipv6, SOURCE6, SOURCE6, 255, 1, VrrpChecksumMode.STANDARD,
                ByteBuffer.allocate(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesImpossibleTtlOrIdentification() {
        VrrpPacket packet = VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 100, 100, List.of());
        assertThatThrownBy(() -> codec.encodeIpv4(packet, SOURCE, PEER, 256, 1, VrrpChecksumMode.STANDARD,
                ByteBuffer.allocate(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encodeIpv4(packet, SOURCE, PEER, 255, 65536, VrrpChecksumMode.STANDARD,
                ByteBuffer.allocate(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void v3ChecksumAsV2LeavesThePseudoHeaderOut() {
        VrrpPacket packet = VrrpPacket.advertisementV3(IpFamily.IPV4, 7, 200, 3, List.of(VrrpAddress.parse("192.0.2.7")));
        ByteBuffer out = ByteBuffer.allocate(64);
        codec.encodeIpv4(packet, SOURCE, PEER, 255, 9, VrrpChecksumMode.V3_CHECKSUM_AS_V2, out);
        out.flip();
        ByteBuffer message = out.duplicate().position(20);
        assertThat(InternetChecksum.verifies(InternetChecksum.sum(message, 20, message.remaining()))).isTrue();
        VrrpDecodeResult result = codec.decodeIpv4(out);
        assertThat(result.valid()).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.V3_CHECKSUM_AS_V2)).isTrue();
        assertThat(result.checksumMatches(VrrpChecksumMode.STANDARD)).isFalse();
    }

    @Test
    void everyModeGivesTheStandardChecksumForV2() {
        VrrpPacket packet = VrrpPacket.advertisementV2(3, 100, VrrpPacket.AUTH_PASS,
                VrrpAuth.simplePassword("secret"), 1, List.of(VrrpAddress.parse("192.0.2.3")));
        byte[] standard = encode(packet, VrrpChecksumMode.STANDARD);
        assertThat(encode(packet, VrrpChecksumMode.OLD_UNICAST_CHECKSUM)).isEqualTo(standard);
        assertThat(encode(packet, VrrpChecksumMode.V3_CHECKSUM_AS_V2)).isEqualTo(standard);
    }

    @Test
    void roundTripsEveryFieldAtTheLimits() {
        List<VrrpAddress> many = new java.util.ArrayList<>();
        for (int i = 0; i < 255; i++) {
            many.add(VrrpAddress.of(new byte[] {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) i}));
        }
        VrrpPacket ipv6 = VrrpPacket.advertisementV3(IpFamily.IPV6, 255, 255, 4095, many);
        ByteBuffer out = ByteBuffer.allocate(ipv6.messageLength());
        codec.encode(ipv6, SOURCE6, VrrpCodec.IPV6_MULTICAST_GROUP, VrrpChecksumMode.STANDARD, out);
        assertThat(out.hasRemaining()).isFalse();
        out.flip();
        VrrpDecodeResult result = codec.decodeIpv6(out, SOURCE6, VrrpCodec.IPV6_MULTICAST_GROUP, 255, true);
        assertThat(result.valid()).isTrue();
        assertThat(result.packet().addresses()).isEqualTo(many);
        assertThat(result.packet().advertInterval()).isEqualTo(4095);
        assertThat(result.packet().vrid()).isEqualTo(255);

        VrrpPacket v2 = VrrpPacket.advertisementV2(1, 0, 255, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1}, 255,
                List.of());
        ByteBuffer datagram = ByteBuffer.allocate(64);
        codec.encodeIpv4(v2, SOURCE, VrrpCodec.IPV4_MULTICAST_GROUP, 255, 65535, VrrpChecksumMode.STANDARD, datagram);
        VrrpDecodeResult decoded = codec.decodeIpv4(datagram.flip());
        assertThat(decoded.error()).isEqualTo(VrrpDecodeError.INVALID_AUTH_TYPE);
        VrrpPacket packet = decoded.packet();
        assertThat(packet).isEqualTo(new VrrpPacket(2, 1, 1, 0, 255, v2.authData(), 255, IpFamily.IPV4, List.of(),
                packet.checksum()));
    }

    private byte[] encode(VrrpPacket packet, VrrpChecksumMode mode) {
        ByteBuffer out = ByteBuffer.allocate(64);
        codec.encode(packet, SOURCE, PEER, mode, out);
        return Arrays.copyOf(out.array(), out.position());
    }
}
