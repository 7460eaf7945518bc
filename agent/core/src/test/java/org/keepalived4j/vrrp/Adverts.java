package org.keepalived4j.vrrp;

import java.nio.ByteBuffer;
import java.util.List;
import org.keepalived4j.config.AuthConfig;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.vrrp.packet.IpFamily;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpChecksumMode;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.keepalived4j.vrrp.packet.VrrpPacket;

/** Builds received advertisements the way the wire would deliver them: encoded, then decoded. */
final class Adverts {

    static final VrrpAddress GROUP = VrrpCodec.IPV4_MULTICAST_GROUP;
    private static final VrrpCodec CODEC = new VrrpCodec();

    String source = "10.0.0.2";
    VrrpAddress destination = GROUP;
    int vrid = 51;
    int priority = 100;
    int version = 2;
    int interval = 1;
    int authType = VrrpPacket.AUTH_NONE;
    byte[] authData = new byte[8];
    List<String> addresses = List.of("192.168.200.16");
    int ttl = 255;
    int type = VrrpPacket.TYPE_ADVERTISEMENT;
    /** The multicast group of the old unicast VRRPv3 checksum, or null for the standard checksum. */
    VrrpAddress oldChecksumGroup;

    static Adverts from(String source) {
        Adverts a = new Adverts();
        a.source = source;
        return a;
    }

    Adverts vrid(int v) {
        vrid = v;
        return this;
    }

    Adverts priority(int p) {
        priority = p;
        return this;
    }

    Adverts v3(int centiseconds) {
        version = 3;
        interval = centiseconds;
        return this;
    }

    Adverts interval(int seconds) {
        interval = seconds;
        return this;
    }

    Adverts ttl(int t) {
        ttl = t;
        return this;
    }

    Adverts password(String pass) {
        authType = VrrpPacket.AUTH_PASS;
        authData = new AuthConfig(AuthType.PASS, pass).passwordBytes();
        return this;
    }

    Adverts authType(int t) {
        authType = t;
        return this;
    }

    Adverts addresses(String... a) {
        addresses = List.of(a);
        return this;
    }

    Adverts type(int t) {
        type = t;
        return this;
    }

    Adverts to(String unicastDestination) {
        destination = VrrpAddress.parse(unicastDestination);
        return this;
    }

    /** keepalived's pre-1.3.6 unicast VRRPv3 checksum, whose pseudo-header names {@code group}. */
    Adverts oldUnicastChecksum(String group) {
        oldChecksumGroup = VrrpAddress.parse(group);
        return this;
    }

    ReceivedAdvert received() {
        ByteBuffer out = ByteBuffer.wrap(datagram(1));
        return new ReceivedAdvert(CODEC.decodeIpv4(out), destination.isMulticast());
    }

    /** The advert as an IPv4 socket receives it, IPv4 header first, with this IP identification. */
    byte[] datagram(int identification) {
        List<VrrpAddress> vips = addresses.stream().map(VrrpAddress::parse).toList();
        VrrpPacket packet = version == 2
                ? new VrrpPacket(2, type, vrid, priority, authType, authData, interval, IpFamily.IPV4, vips, 0)
                : new VrrpPacket(3, type, vrid, priority, 0, new byte[0], interval, IpFamily.IPV4, vips, 0);
        ByteBuffer out = ByteBuffer.allocate(1500);
        VrrpCodec codec = oldChecksumGroup == null ? CODEC : new VrrpCodec(oldChecksumGroup);
        int length = codec.encodeIpv4(packet, VrrpAddress.parse(source), destination, ttl, identification,
                oldChecksumGroup == null ? VrrpChecksumMode.STANDARD : VrrpChecksumMode.OLD_UNICAST_CHECKSUM, out);
        return java.util.Arrays.copyOf(out.array(), length);
    }
}
