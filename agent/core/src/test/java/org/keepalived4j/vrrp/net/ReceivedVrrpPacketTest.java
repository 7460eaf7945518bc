package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ReceivedVrrpPacketTest {

    @Test
    void describesAnIpv4DatagramWithItsHeader() throws Exception {
        ReceivedVrrpPacket packet = new ReceivedVrrpPacket();
        byte[] source = {10, 0, 0, 2};
        byte[] destination = {(byte) 224, 0, 0, 18};

        packet.set(false, 40, 20, source, destination, 255, 3, false);

        byte[] copy = new byte[16];
        assertThat(packet.copySource(copy)).isEqualTo(4);
        assertThat(packet.source()).isEqualTo(InetAddress.getByName("10.0.0.2"));
        assertThat(packet.destination()).isEqualTo(InetAddress.getByName("224.0.0.18"));
        assertThat(packet.payloadOffset()).isEqualTo(20);
        assertThat(packet.hopLimit()).isEqualTo(255);
        assertThat(packet.interfaceIndex()).isEqualTo(3);
    }

    @Test
    void isReusedForAnIpv6Datagram() throws Exception {
        ReceivedVrrpPacket packet = new ReceivedVrrpPacket();
        packet.set(false, 40, 20, new byte[] {10, 0, 0, 2}, new byte[4], 255, 3, false);
        InetAddress source = InetAddress.getByName("fe80::1");

        packet.set(true, 24, 0, source.getAddress(), InetAddress.getByName("ff02::12").getAddress(), 255, 4, true);

        assertThat(packet.ipv6()).isTrue();
        assertThat(packet.source()).isEqualTo(source);
        assertThat(packet.payloadOffset()).isZero();
        assertThat(packet.truncated()).isTrue();
    }
}
