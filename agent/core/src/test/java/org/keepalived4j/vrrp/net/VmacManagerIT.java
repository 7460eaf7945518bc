package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.NamespaceThread;
import org.keepalived4j.linux.NetnsLab;
import org.keepalived4j.linux.TcpdumpCapture;

class VmacManagerIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TwoNodeLab lab;
    private VmacManager managerA;
    private VmacManager managerB;

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

    @BeforeEach
    void openManagers() throws Exception {
        managerA = lab.threadA.call(() -> NetlinkVmacManager.open(TwoNodeLab.NETLINK_TIMEOUT));
        managerB = lab.threadB.call(() -> NetlinkVmacManager.open(TwoNodeLab.NETLINK_TIMEOUT));
    }

    @AfterEach
    void closeManagers() {
        managerA.close();
        managerB.close();
    }

    @Test
    void createsAPrivateMacvlanWithTheVirtualRouterMacAndKeepalivedsIpv4Settings() throws Exception {
        VmacLink vmac = create(lab.threadB, managerB, VmacSpec.withDefaultName(lab.linkB.index(), 51, false));

        String details = NetnsLab.ip(lab.nsB, "-d", "link", "show", "dev", "vrrp.51");
        assertThat(vmac.mac()).hasToString("00:00:5e:00:01:33");
        assertThat(vmac.created()).isTrue();
        assertThat(details).contains("vrrp.51@" + lab.ifB, "UP", "link/ether 00:00:5e:00:01:33",
                "macvlan mode private", "addrgenmode none");
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/vrrp.51/arp_ignore")).isEqualTo(1);
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/vrrp.51/accept_local")).isEqualTo(1);
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/vrrp.51/rp_filter")).isZero();
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/vrrp.51/promote_secondaries")).isEqualTo(1);
        assertThat(sysctl(lab.nsB, "net/ipv6/conf/vrrp.51/disable_ipv6")).isEqualTo(1);
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_ignore")).isEqualTo(1);
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_filter")).isEqualTo(1);

        lab.threadB.run(() -> managerB.delete(vmac));

        assertThat(NetnsLab.ip(lab.nsB, "link", "show")).doesNotContain("vrrp.51");
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_ignore")).isZero();
        assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_filter")).isZero();
    }

    @Test
    void givesAnIpv6VmacTheBaseLinkLocalAddressAndNoOther() throws Exception {
        VmacLink vmac = create(lab.threadB, managerB, VmacSpec.withDefaultName(lab.linkB.index(), 52, true));
        try {
            String addresses = NetnsLab.ip(lab.nsB, "-6", "addr", "show", "dev", "vrrp.52");

            assertThat(vmac.mac()).hasToString("00:00:5e:00:02:34");
            String baseLinkLocal = NetnsLab.ip(lab.nsB, "-6", "-o", "addr", "show", "dev", lab.ifB, "scope", "link")
                    .split("\\s+")[3];
            assertThat(addresses).contains("inet6 " + baseLinkLocal + " scope link nodad deprecated",
                    "preferred_lft 0sec");
            assertThat(addresses.split("inet6", -1)).hasSize(2);
            assertThat(NetnsLab.ip(lab.nsB, "-d", "link", "show", "dev", "vrrp.52"))
                    .contains("link/ether 00:00:5e:00:02:34", "macvlan mode private", "addrgenmode none");
            assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_ignore")).isZero();
        } finally {
            lab.threadB.run(() -> managerB.delete(vmac));
        }
        assertThat(NetnsLab.ip(lab.nsB, "link", "show")).doesNotContain("vrrp.52");
    }

    @Test
    void restoresTheBaseSettingsWhenItsLastVmacGoes() throws Exception {
        NetnsLab.exec(lab.nsB, "sysctl", "-q", "-w", "net.ipv4.conf." + lab.ifB + ".arp_ignore=2");
        try {
            VmacLink first = create(lab.threadB, managerB, VmacSpec.withDefaultName(lab.linkB.index(), 53, false));
            VmacLink second = create(lab.threadB, managerB, new VmacSpec("vip54", lab.linkB.index(), 54, false));

            lab.threadB.run(() -> managerB.delete(first));
            assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_ignore")).isEqualTo(1);
            assertThat(NetnsLab.ip(lab.nsB, "-d", "link", "show", "dev", "vip54")).contains("00:00:5e:00:01:36");

            lab.threadB.run(() -> managerB.delete(second));
            assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_ignore")).isEqualTo(2);
            assertThat(sysctl(lab.nsB, "net/ipv4/conf/" + lab.ifB + "/arp_filter")).isZero();
        } finally {
            NetnsLab.exec(lab.nsB, "sysctl", "-q", "-w", "net.ipv4.conf." + lab.ifB + ".arp_ignore=0");
        }
    }

    @Test
    void adoptsAMatchingVmacAndRefusesAnyOtherInterfaceOfThatName() throws Exception {
        NetnsLab.ip(lab.nsB, "link", "add", "link", lab.ifB, "name", "vrrp.55", "address", "00:00:5e:00:01:37",
                "type", "macvlan", "mode", "private");
        NetnsLab.ip(lab.nsB, "link", "add", "vrrp.56", "type", "veth", "peer", "name", "vrrp.56p");
        try {
            VmacLink adopted = create(lab.threadB, managerB, VmacSpec.withDefaultName(lab.linkB.index(), 55, false));
            lab.threadB.run(() -> managerB.delete(adopted));

            assertThat(adopted.created()).isFalse();
            assertThat(NetnsLab.ip(lab.nsB, "link", "show", "dev", "vrrp.55")).contains("UP");
            assertThatThrownBy(() -> create(lab.threadB, managerB,
                    VmacSpec.withDefaultName(lab.linkB.index(), 56, false)))
                    .isInstanceOf(IOException.class).hasMessageContaining("already exists")
                    .hasMessageContaining("kind veth");
        } finally {
            NetnsLab.ip(lab.nsB, "link", "del", "vrrp.55");
            NetnsLab.ip(lab.nsB, "link", "del", "vrrp.56");
        }
    }

    @Test
    void advertsAndGratuitousArpsLeaveThroughTheIpv4VmacWithItsMac() throws Exception {
        VmacLink vmac = create(lab.threadA, managerA, VmacSpec.withDefaultName(lab.linkA.index(), 57, false));
        byte[] advert = VrrpTestPackets.version2(57, 100, 1, address("10.99.0.100"));
        byte[] buffer = new byte[2048];
        ReceivedVrrpPacket received = new ReceivedVrrpPacket();
        try (TcpdumpCapture capture = TcpdumpCapture.start(lab.nsB, lab.ifB, "arp or ip proto 112");
                RawVrrpSocket receiver = lab.threadB.call(() -> NativeRawVrrpSocket.open(
                        VrrpSocketOptions.multicast(false, lab.ifB, lab.linkB.index(), null)));
                RawVrrpSocket sender = lab.threadA.call(() -> NativeRawVrrpSocket.open(
                        VrrpSocketOptions.multicast(false, vmac.name(), vmac.index(), address("10.99.0.1"))));
                GratuitousArpSender garp = lab.threadA.call(NativeGratuitousArpSender::open)) {
            sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP);
            VrrpTestPackets.receive(receiver, buffer, received, WAIT);
            garp.send(vmac.index(), vmac.mac(), TwoNodeLab.ipv4("10.99.0.100"));

            List<TcpdumpCapture.Frame> frames = capture.frames(2, WAIT);

            assertThat(received.source()).isEqualTo(address("10.99.0.1"));
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).summary()).contains("00:00:5e:00:01:39 > 01:00:5e:00:00:12",
                    "10.99.0.1 > 224.0.0.18");
            assertThat(frames.get(1).summary()).contains("00:00:5e:00:01:39 > ff:ff:ff:ff:ff:ff",
                    "Request who-has 10.99.0.100 (ff:ff:ff:ff:ff:ff) tell 10.99.0.100");
        } finally {
            lab.threadA.run(() -> managerA.delete(vmac));
        }
    }

    @Test
    void ipv6AdvertsLeaveThroughTheVmacFromTheBaseLinkLocalAddress() throws Exception {
        VmacLink vmac = create(lab.threadA, managerA, VmacSpec.withDefaultName(lab.linkA.index(), 58, true));
        byte[] advert = VrrpTestPackets.version3Ipv6(58, 100, 100, address("fd00:99::100"));
        byte[] buffer = new byte[2048];
        ReceivedVrrpPacket received = new ReceivedVrrpPacket();
        try (TcpdumpCapture capture = TcpdumpCapture.start(lab.nsB, lab.ifB, "ip6 proto 112");
                RawVrrpSocket receiver = lab.threadB.call(() -> NativeRawVrrpSocket.open(
                        VrrpSocketOptions.multicast(true, lab.ifB, lab.linkB.index(), null)));
                RawVrrpSocket sender = lab.threadA.call(() -> NativeRawVrrpSocket.open(
                        VrrpSocketOptions.multicast(true, vmac.name(), vmac.index(), lab.linkLocalA)))) {
            sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV6_GROUP);
            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            List<TcpdumpCapture.Frame> frames = capture.frames(1, WAIT);

            assertThat(received.source()).isEqualTo(lab.linkLocalA);
            assertThat(received.hopLimit()).isEqualTo(255);
            assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.summary())
                    .contains("00:00:5e:00:02:3a > 33:33:00:00:00:12"));
        } finally {
            lab.threadA.run(() -> managerA.delete(vmac));
        }
    }

    private static VmacLink create(NamespaceThread thread, VmacManager manager, VmacSpec spec) throws Exception {
        return thread.call(() -> manager.create(spec));
    }

    private static int sysctl(String namespace, String name) {
        return Integer.parseInt(NetnsLab.exec(namespace, "cat", "/proc/sys/" + name).trim());
    }
}
