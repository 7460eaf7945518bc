package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.vrrp.net.ReceivedVrrpPacket;
import org.keepalived4j.vrrp.packet.IpFamily;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpChecksumMode;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.keepalived4j.vrrp.packet.VrrpPacket;

/** What counts as a repeat: everything decoding reads, and nothing else. */
class AdvertMemoTest {

    private static final VrrpCodec CODEC = new VrrpCodec();
    private static final VrrpAddress PEER = VrrpAddress.parse("fe80::2");
    private static final VrrpAddress OTHER_PEER = VrrpAddress.parse("fe80::3");

    private final AdvertMemo memo = new AdvertMemo();
    private final byte[] buffer = new byte[2048];
    private final ReceivedVrrpPacket packet = new ReceivedVrrpPacket();

    /** Puts an IPv6 advert in the buffer as the socket would (message only) and looks it up. */
    private ReceivedAdvert v6(int vrid, int priority, VrrpAddress source, int hopLimit) {
        VrrpPacket p = VrrpPacket.advertisementV3(IpFamily.IPV6, vrid, priority, 2,
                List.of(VrrpAddress.parse("2001:db8::10")));
        ByteBuffer out = ByteBuffer.wrap(buffer);
        int length = CODEC.encode(p, source, VrrpCodec.IPV6_MULTICAST_GROUP, VrrpChecksumMode.KERNEL, out);
        packet.set(true, length, 0, source.toBytes(), VrrpCodec.IPV6_MULTICAST_GROUP.toBytes(), hopLimit, 1, false);
        return lookupOrDecode();
    }

    /** An IPv4 datagram, header first, as the socket would copy it. */
    private ReceivedAdvert v4(int vrid, int identification, int ttl) {
        Adverts a = Adverts.from("10.0.0.2").vrid(vrid).v3(2).ttl(ttl);
        byte[] datagram = a.datagram(identification);
        System.arraycopy(datagram, 0, buffer, 0, datagram.length);
        packet.set(false, datagram.length, 20, new byte[] {10, 0, 0, 2}, new byte[] {(byte) 224, 0, 0, 18}, ttl,
                1, false);
        return lookupOrDecode();
    }

    private ReceivedAdvert lookupOrDecode() {
        ReceivedAdvert hit = memo.lookup(buffer, packet);
        if (hit != null) {
            return hit;
        }
        ByteBuffer view = ByteBuffer.wrap(buffer, 0, packet.length());
        ReceivedAdvert decoded = packet.ipv6()
                ? new ReceivedAdvert(CODEC.decodeIpv6(view, VrrpAddress.of(source()), VrrpCodec.IPV6_MULTICAST_GROUP,
                        packet.hopLimit(), false), true)
                : new ReceivedAdvert(CODEC.decodeIpv4(view), true);
        memo.remember(decoded);
        return decoded;
    }

    private byte[] source() {
        byte[] s = new byte[16];
        packet.copySource(s);
        return s;
    }

    @Test
    void ipv4RepeatsDifferOnlyInIdentificationAndHeaderChecksum() {
        ReceivedAdvert first = v4(7, 1, 255);
        assertThat(v4(7, 2, 255)).isSameAs(first);
        assertThat(v4(7, 40_000, 255)).isSameAs(first);
        assertThat(memo.hits()).isEqualTo(2);

        ReceivedAdvert lowTtl = v4(7, 3, 254);
        assertThat(lowTtl).isNotSameAs(first);
        assertThat(lowTtl.result().ip().ttl()).isEqualTo(254);
    }

    @Test
    void ipv6RepeatsMustComeFromTheSameSourceWithTheSameHopLimit() {
        ReceivedAdvert first = v6(9, 200, PEER, 255);
        assertThat(v6(9, 200, PEER, 255)).isSameAs(first);

        ReceivedAdvert otherSource = v6(9, 200, OTHER_PEER, 255);
        assertThat(otherSource).isNotSameAs(first);
        assertThat(otherSource.result().ip().source()).isEqualTo(OTHER_PEER);

        ReceivedAdvert lowHops = v6(9, 200, OTHER_PEER, 64);
        assertThat(lowHops).isNotSameAs(otherSource);
        assertThat(lowHops.result().ip().ttl()).isEqualTo(64);

        assertThat(v6(9, 150, OTHER_PEER, 64).result().packet().priority()).isEqualTo(150);
        assertThat(memo.hits()).isEqualTo(1);
    }

    @Test
    void eachVridKeepsItsOwnAdvert() {
        ReceivedAdvert seven = v4(7, 1, 255);
        ReceivedAdvert eight = v4(8, 2, 255);
        assertThat(v4(7, 3, 255)).isSameAs(seven);
        assertThat(v4(8, 4, 255)).isSameAs(eight);
    }

    @Test
    void truncatedAndShortDatagramsAreNeverTakenForRepeats() {
        v4(7, 1, 255);
        packet.set(false, packet.length(), 20, new byte[] {10, 0, 0, 2}, new byte[] {(byte) 224, 0, 0, 18}, 255, 1,
                true);
        assertThat(memo.lookup(buffer, packet)).isNull();

        packet.set(false, 19, 20, new byte[] {10, 0, 0, 2}, new byte[] {(byte) 224, 0, 0, 18}, 255, 1, false);
        assertThat(memo.lookup(buffer, packet)).isNull();
        memo.remember(new ReceivedAdvert(CODEC.decodeIpv4(ByteBuffer.wrap(buffer, 0, 19)), true));
        assertThat(memo.hits()).isZero();
    }
}
