package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Feeds arbitrary bytes to both decode entry points: none may throw, and every result must be
 * consistent. A plain {@code mvn test} replays the regression inputs in
 * {@code VrrpCodecFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class VrrpCodecFuzzTest {

    private final VrrpCodec codec = new VrrpCodec();

    @FuzzTest(maxDuration = "30s")
    void decodeIpv4(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        VrrpDecodeResult result = codec.decodeIpv4(buffer);
        assertThat(buffer.position()).isZero();
        assertConsistent(result);
        if (result.packet() != null) {
            assertThat(result.ip().headerLength() + result.packet().messageLength()).isEqualTo(datagram.length);
        }
    }

    /**
     * Input layout: bytes 0-15 the source, 16-31 the destination, 32 the hop limit, 33 flags
     * (bit 0: hop limit unknown, bit 1: verify the checksum), then the VRRP message.
     */
    @FuzzTest(maxDuration = "30s")
    void decodeIpv6(byte[] input) {
        byte[] data = input.length >= 34 ? input : Arrays.copyOf(input, 34);
        VrrpAddress source = VrrpAddress.of(Arrays.copyOfRange(data, 0, 16));
        VrrpAddress destination = VrrpAddress.of(Arrays.copyOfRange(data, 16, 32));
        int hopLimit = (data[33] & 1) != 0 ? -1 : data[32] & 0xff;
        boolean verify = (data[33] & 2) != 0;
        ByteBuffer message = ByteBuffer.wrap(data, 34, data.length - 34).slice();
        VrrpDecodeResult result = codec.decodeIpv6(message, source, destination, hopLimit, verify);
        assertConsistent(result);
        if (result.packet() != null) {
            assertThat(result.packet().messageLength()).isEqualTo(data.length - 34);
        }
    }

    private void assertConsistent(VrrpDecodeResult result) {
        assertThat(result.valid()).isEqualTo(result.error() == null);
        boolean framing = false;
        for (VrrpDecodeError error : VrrpDecodeError.values()) {
            framing |= result.has(error) && !error.packetDecoded();
        }
        assertThat(result.packet() == null).isEqualTo(framing);
        assertThat(result.toString()).isNotEmpty();
        VrrpPacket packet = result.packet();
        if (packet == null) {
            return;
        }
        assertThat(result.vrid()).isEqualTo(packet.vrid());
        // What was decoded encodes again, and decodes to the same packet.
        IpMetadata ip = result.ip();
        ByteBuffer out = ByteBuffer.allocate(packet.messageLength());
        VrrpChecksumMode mode = packet.family() == IpFamily.IPV6 ? VrrpChecksumMode.STANDARD
                : result.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM) ? VrrpChecksumMode.OLD_UNICAST_CHECKSUM
                : result.checksumMatches(VrrpChecksumMode.V3_CHECKSUM_AS_V2) ? VrrpChecksumMode.V3_CHECKSUM_AS_V2
                : VrrpChecksumMode.STANDARD;
        codec.encode(packet, ip.source(), ip.destination(), mode, out);
        VrrpDecodeResult again = packet.family() == IpFamily.IPV6
                ? codec.decodeIpv6(out.flip(), ip.source(), ip.destination(), 255, true)
                : codec.decodeIpv4(withIpv4Header(ip, out.flip()));
        assertThat(again.has(VrrpDecodeError.BAD_CHECKSUM)).isFalse();
        // The checksum may differ: VRRPv3 reserved bits are not kept, and 0 and 0xffff both verify.
        assertThat(withoutChecksum(again.packet())).isEqualTo(withoutChecksum(packet));
    }

    private static VrrpPacket withoutChecksum(VrrpPacket p) {
        return new VrrpPacket(p.version(), p.type(), p.vrid(), p.priority(), p.authType(), p.authData(),
                p.advertInterval(), p.family(), p.addresses(), 0);
    }

    private static ByteBuffer withIpv4Header(IpMetadata ip, ByteBuffer message) {
        ByteBuffer datagram = ByteBuffer.allocate(20 + message.remaining());
        datagram.put((byte) 0x45).put((byte) 0).putShort((short) datagram.capacity()).putInt(0)
                .put((byte) 255).put((byte) VrrpPacket.IP_PROTOCOL).putShort((short) 0);
        ip.source().writeTo(datagram);
        ip.destination().writeTo(datagram);
        return datagram.put(message).flip();
    }
}
