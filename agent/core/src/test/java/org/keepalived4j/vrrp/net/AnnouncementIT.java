package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.NetnsLab;
import org.keepalived4j.linux.PacketSocket;
import org.keepalived4j.linux.TcpdumpCapture;

/** Gratuitous ARP and unsolicited Neighbor Advertisements seen from the peer namespace. */
class AnnouncementIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String STALE_MAC = "02:00:00:00:00:99";
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
    void gratuitousArpIsABroadcastRequestForTheVipFromTheInterfaceMac() throws Exception {
        byte[] arp = new byte[GratuitousArpFrame.LENGTH];
        GratuitousArpFrame.write(arp, lab.linkA.mac(), TwoNodeLab.ipv4("10.99.0.100"));
        String expected = "ffffffffffff" + hex(lab.linkA.mac()) + "0806" + HexFormat.of().formatHex(arp);
        NetnsLab.ip(lab.nsB, "neigh", "add", "10.99.0.100", "lladdr", STALE_MAC, "dev", lab.ifB, "nud", "stale");

        List<TcpdumpCapture.Frame> frames;
        try (TcpdumpCapture capture = TcpdumpCapture.start(lab.nsB, lab.ifB, "arp")) {
            lab.threadA.run(() -> {
                try (GratuitousArpSender sender = NativeGratuitousArpSender.open()) {
                    sender.send(lab.linkA.index(), lab.linkA.mac(), TwoNodeLab.ipv4("10.99.0.100"));
                }
            });
            frames = capture.frames(1, WAIT);
        }

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.summary()).contains(lab.linkA.mac() + " > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806)",
                    "Request who-has 10.99.0.100 (ff:ff:ff:ff:ff:ff) tell 10.99.0.100");
            assertThat(HexFormat.of().formatHex(frame.bytes())).isEqualTo(expected);
        });
        assertThat(NetnsLab.ip(lab.nsB, "neigh", "show", "10.99.0.100", "dev", lab.ifB))
                .as("the peer's ARP cache follows the announcement").contains("lladdr " + lab.linkA.mac());
    }

    @Test
    void neighborAdvertIsAnUnsolicitedOverrideToAllNodes() throws Exception {
        Inet6Address vip = (Inet6Address) address("fd00:99::100");
        byte[] advert = new byte[NeighborAdvertFrame.LENGTH];
        NeighborAdvertFrame.write(advert, lab.linkA.mac(), vip, false);
        String expected = "333300000001" + hex(lab.linkA.mac()) + "86dd" + HexFormat.of().formatHex(advert);
        NetnsLab.ip(lab.nsB, "-6", "neigh", "add", "fd00:99::100", "lladdr", STALE_MAC, "dev", lab.ifB, "nud",
                "stale");

        List<TcpdumpCapture.Frame> frames;
        try (TcpdumpCapture capture = TcpdumpCapture.start(lab.nsB, lab.ifB, "icmp6 and ip6[40] == 136")) {
            lab.threadA.run(() -> {
                try (NeighborAdvertSender sender = NativeNeighborAdvertSender.open()) {
                    sender.send(lab.linkA.index(), lab.linkA.mac(), vip, false);
                }
            });
            frames = capture.frames(1, WAIT);
        }

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.summary()).contains(lab.linkA.mac() + " > 33:33:00:00:00:01",
                    "fd00:99::100 > ff02::1: ICMP6, neighbor advertisement, tgt is fd00:99::100");
            assertThat(HexFormat.of().formatHex(frame.bytes())).isEqualTo(expected);
        });
        assertThat(NetnsLab.ip(lab.nsB, "-6", "neigh", "show", "fd00:99::100", "dev", lab.ifB))
                .as("the peer accepted checksum and override flag").contains("lladdr " + lab.linkA.mac());
    }

    @Test
    void ownPacketReceiverSeesTheGratuitousArpAsBroadcast() throws Exception {
        byte[] expected = new byte[GratuitousArpFrame.LENGTH];
        GratuitousArpFrame.write(expected, lab.linkA.mac(), TwoNodeLab.ipv4("10.99.0.101"));
        try (PacketSocket receiver = lab.threadB.call(() -> PacketSocket.openReceiver(0x0806, lab.linkB.index()));
                NativePoller poller = NativePoller.open()) {
            boolean[] ready = new boolean[1];
            poller.register(receiver.fd(), (fd, failed) -> ready[0] = true);
            lab.threadA.run(() -> {
                try (GratuitousArpSender sender = NativeGratuitousArpSender.open()) {
                    sender.send(lab.linkA.index(), lab.linkA.mac(), TwoNodeLab.ipv4("10.99.0.101"));
                }
            });

            byte[] frame = new byte[1500];
            int length = -1;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                poller.poll(Math.max(0, deadline - System.nanoTime()));
                length = receiver.receive(frame, 0, frame.length);
                if (length == GratuitousArpFrame.LENGTH && frame[7] == 1 && frame[17] == expected[17]) {
                    break;
                }
            }
            byte[] sourceMac = new byte[8];

            assertThat(length).isEqualTo(GratuitousArpFrame.LENGTH);
            assertThat(java.util.Arrays.copyOf(frame, length)).isEqualTo(expected);
            assertThat(receiver.lastSourceMac(sourceMac)).isEqualTo(6);
            assertThat(MacAddress.of(java.util.Arrays.copyOf(sourceMac, 6))).isEqualTo(lab.linkA.mac());
            assertThat(receiver.lastPacketType()).as("PACKET_BROADCAST").isEqualTo(1);
            assertThat(receiver.lastInterfaceIndex()).isEqualTo(lab.linkB.index());
        }
    }

    private static String hex(MacAddress mac) {
        return HexFormat.of().formatHex(mac.bytes());
    }
}
