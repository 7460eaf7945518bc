package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.KeepalivedProcess;
import org.keepalived4j.linux.NetnsLab;

/**
 * Our raw sockets against the real keepalived 2.2.7: we hear its IPv4 (VRRPv2) and IPv6
 * (VRRPv3) adverts with the header fields RFC 3768/5798 require, and it accepts ours — a
 * higher-priority advert from us makes it give up mastership.
 */
class KeepalivedInteropIT {

    private static final Duration ELECTION = Duration.ofSeconds(15);
    private static TwoNodeLab lab;

    @BeforeAll
    static void createNamespaces() throws Exception {
        lab = TwoNodeLab.create();
    }

    @AfterAll
    static void deleteNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void receivesKeepalivedAdvertsAndKeepalivedYieldsToOurs() throws Exception {
        byte[] buffer = new byte[2048];
        ReceivedVrrpPacket received = new ReceivedVrrpPacket();
        try (RawVrrpSocket v4 = lab.threadA.call(() -> NativeRawVrrpSocket.open(
                VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(), address("10.99.0.1"))));
                RawVrrpSocket v6 = lab.threadA.call(() -> NativeRawVrrpSocket.open(
                        VrrpSocketOptions.multicast(true, lab.ifA, lab.linkA.index(), lab.linkLocalA)));
                KeepalivedProcess keepalived = KeepalivedProcess.start(lab.nsB, config())) {

            VrrpTestPackets.receive(v4, buffer, received, ELECTION);
            assertIpv4Advert(buffer, received);
            VrrpTestPackets.receive(v6, buffer, received, ELECTION);
            assertIpv6Advert(buffer, received);
            keepalived.awaitLog("(V4) Entering MASTER STATE", ELECTION);
            keepalived.awaitLog("(V6) Entering MASTER STATE", ELECTION);
            assertThat(NetnsLab.ip(lab.nsB, "addr", "show", "dev", lab.ifB)).contains("10.99.0.100/24",
                    "fd00:99::100/64");

            byte[] ours4 = VrrpTestPackets.version2(51, 200, 1, address("10.99.0.100"));
            byte[] ours6 = VrrpTestPackets.version3Ipv6(52, 200, 100, address("fd00:99::100"));
            for (int i = 0; i < 3; i++) {
                v4.send(ours4, 0, ours4.length, VrrpSocketOptions.IPV4_GROUP);
                v6.send(ours6, 0, ours6.length, VrrpSocketOptions.IPV6_GROUP);
                Thread.sleep(300);
            }

            keepalived.awaitLog("(V4) Master received advert from 10.99.0.1 with higher priority 200, ours 150",
                    ELECTION);
            keepalived.awaitLog("(V4) Entering BACKUP STATE", ELECTION);
            keepalived.awaitLog("(V6) Master received advert from " + compact(lab.linkLocalA)
                    + " with higher priority 200, ours 150", ELECTION);
            keepalived.awaitLog("(V6) Entering BACKUP STATE", ELECTION);
        }
    }

    private static void assertIpv4Advert(byte[] buffer, ReceivedVrrpPacket received) {
        int vrrp = received.payloadOffset();
        assertThat(received.source()).isEqualTo(address("10.99.0.2"));
        assertThat(received.destination()).isEqualTo(address("224.0.0.18"));
        assertThat(received.hopLimit()).as("TTL").isEqualTo(255);
        assertThat(buffer[9]).as("protocol").isEqualTo((byte) 112);
        assertThat(vrrp).isEqualTo(20);
        assertThat(buffer[vrrp] & 0xff).as("version 2, type advertisement").isEqualTo(0x21);
        assertThat(buffer[vrrp + 1] & 0xff).as("VRID").isEqualTo(51);
        assertThat(buffer[vrrp + 2] & 0xff).as("priority").isEqualTo(150);
        assertThat(buffer[vrrp + 3]).as("address count").isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(buffer, vrrp + 8, vrrp + 12)).isEqualTo(address("10.99.0.100").getAddress());
    }

    private static void assertIpv6Advert(byte[] buffer, ReceivedVrrpPacket received) {
        assertThat(received.source()).isEqualTo(lab.linkLocalB);
        assertThat(received.destination()).isEqualTo(address("ff02::12"));
        assertThat(received.hopLimit()).isEqualTo(255);
        assertThat(received.payloadOffset()).isZero();
        assertThat(buffer[0] & 0xff).as("version 3, type advertisement").isEqualTo(0x31);
        assertThat(buffer[1] & 0xff).as("VRID").isEqualTo(52);
        assertThat(buffer[2] & 0xff).as("priority").isEqualTo(150);
        assertThat(((buffer[4] & 0x0f) << 8) | (buffer[5] & 0xff)).as("interval (cs)").isEqualTo(100);
        assertThat(Arrays.copyOfRange(buffer, 8, 24)).isEqualTo(address("fd00:99::100").getAddress());
        assertThat(VrrpTestPackets.ipv6ChecksumValid(buffer, received.length(), received.source(),
                received.destination())).isTrue();
    }

    private static String config() {
        return """
                global_defs {
                    router_id keepalived4j_interop
                }
                vrrp_instance V4 {
                    state MASTER
                    interface %1$s
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        10.99.0.100/24
                    }
                }
                vrrp_instance V6 {
                    state MASTER
                    interface %1$s
                    virtual_router_id 52
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        fd00:99::100/64
                    }
                }
                """.formatted(lab.ifB);
    }

    /** The IPv6 text keepalived logs (compressed, no scope). */
    private static String compact(InetAddress address) {
        String full = address.getHostAddress().replaceAll("%.*", "");
        String compressed = full.replaceFirst("(^|:)(0(:|$)){2,}", "::");
        return compressed.replaceAll(":{3,}", "::");
    }
}
