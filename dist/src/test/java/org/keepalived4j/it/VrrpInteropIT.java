package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * keepalived4j on the wire, in two network namespaces joined by a veth pair, against another
 * keepalived4j or the real keepalived 2.2.7: election, VIP on exactly one node, preemption,
 * nopreempt, crash and graceful stop, authentication, unicast, sync groups, track scripts.
 * VRRPv2 with advert_int 1: Master_Down_Interval is 3 s + skew (about 3.6 s).
 */
class VrrpInteropIT {

    private static final String VIP = "10.77.0.100";
    private static final Duration SETTLE = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    private Lab lab;
    private String nsA;
    private String nsB;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        lab = new Lab("vrrpit");
        nsA = lab.namespace("a");
        nsB = lab.namespace("b");
        lab.link(nsA, "eth0", "10.77.0.1/24", nsB, "eth0", "10.77.0.2/24");
    }

    @AfterEach
    void cleanUp() {
        nodes.forEach(Node::close);
        lab.close();
    }

    private Node start(Node.Kind kind, String ns, String name, VrrpConfig config) throws Exception {
        Node node = new Node(kind, ns, dir, name).start(config.text());
        nodes.add(node);
        return node;
    }

    private static VrrpConfig single(int priority, String... extra) {
        List<String> lines = new ArrayList<>(List.of(VrrpConfig.pass("k4jsecret")));
        lines.addAll(List.of(extra));
        return VrrpConfig.node().instance("VI_1", "eth0", 51, priority, VIP, lines.toArray(String[]::new));
    }

    /** Waits until the VIP is on {@code ns} and on no other namespace; returns how long it took. */
    private Duration awaitVipOnlyOn(String ns, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean onA = lab.hasAddress(nsA, "eth0", VIP);
            boolean onB = lab.hasAddress(nsB, "eth0", VIP);
            if ((ns.equals(nsA) && onA && !onB) || (ns.equals(nsB) && onB && !onA)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Lab.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("VIP not on exactly " + ns + " within " + timeout + " (A: "
                + lab.hasAddress(nsA, "eth0", VIP) + ", B: " + lab.hasAddress(nsB, "eth0", VIP) + ")\n"
                + nodes.stream().map(n -> "---- " + n.kind() + "\n" + n.log()).reduce("", String::concat));
    }

    /** After a crash the dead node's addresses linger (as with keepalived): only the survivor counts. */
    private Duration awaitVipOn(String ns, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lab.hasAddress(ns, "eth0", VIP)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Lab.sleep(Duration.ofMillis(10));
        }
        throw new AssertionError("VIP not on " + ns + " within " + timeout + "\n"
                + nodes.stream().map(n -> "---- " + n.kind() + "\n" + n.log()).reduce("", String::concat));
    }

    private void assertStaysOnlyOn(String ns, Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(lab.hasAddress(ns, "eth0", VIP)).as("VIP still on " + ns).isTrue();
            assertThat(lab.hasAddress(ns.equals(nsA) ? nsB : nsA, "eth0", VIP)).as("VIP on the other node").isFalse();
            Lab.sleep(Duration.ofMillis(200));
        }
    }

    @ParameterizedTest(name = "peer {0}")
    @EnumSource(Node.Kind.class)
    void higherPriorityKeepalived4jWinsAndACrashHandsTheVipOver(Node.Kind peer) throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", single(150));
        start(peer, nsB, "peer", single(100));
        awaitVipOnlyOn(nsA, SETTLE);
        assertStaysOnlyOn(nsA, Duration.ofSeconds(3));

        ours.kill();
        // Master_Down_Interval of the priority-100 backup: 3 s + 156/256 s
        Duration takeover = awaitVipOn(nsB, Duration.ofSeconds(6));
        assertThat(takeover).isLessThan(Duration.ofMillis(3609 + 1000));

        // the killed daemon's address is still there: the restarted one clears it before it elects
        Node back = start(Node.Kind.KEEPALIVED4J, nsA, "ours2", single(150));
        awaitVipOnlyOn(nsA, SETTLE);
        assertThat(back.awaitLog("Entering MASTER STATE")).contains("Entering MASTER STATE");
    }

    @ParameterizedTest(name = "peer {0}")
    @EnumSource(Node.Kind.class)
    void aMasterKilledAndRestartedAsBackupLeavesNoAddressBehind(Node.Kind peer) throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", single(150));
        start(peer, nsB, "peer", single(100));
        awaitVipOnlyOn(nsA, SETTLE);

        ours.kill();
        awaitVipOn(nsB, Duration.ofSeconds(6));
        assertThat(lab.hasAddress(nsA, "eth0", VIP)).as("a SIGKILL leaves the address, as with keepalived").isTrue();

        Node back = start(Node.Kind.KEEPALIVED4J, nsA, "ours2", single(50));
        awaitVipOnlyOn(nsB, SETTLE);
        assertThat(back.awaitLog("removing VIPs.")).contains("(VI_1) removing VIPs.");
        assertStaysOnlyOn(nsB, Duration.ofSeconds(3));
        assertThat(back.entered("MASTER")).isZero();
        String status = "keepalived_check_script_status{iname=\"VI_1\",intf=\"eth0\",ip_address=\"" + VIP
                + "/24\",vrid=\"51\"}";
        Lab.awaitScrape(nsA, m -> m.contains(status + " 1"), Duration.ofSeconds(10));

        // an address someone adds to the BACKUP by hand is reported, and gone when the daemon stops
        Lab.run("ip", "-n", nsA, "addr", "add", VIP + "/24", "dev", "eth0");
        Lab.awaitScrape(nsA, m -> m.contains(status + " 0"), Duration.ofSeconds(10));
        back.stop();
        assertThat(back.alive()).isFalse();
        assertThat(lab.hasAddress(nsA, "eth0", VIP)).as("address left on a stopped BACKUP").isFalse();
        assertThat(lab.hasAddress(nsB, "eth0", VIP)).isTrue();
    }

    @ParameterizedTest(name = "peer {0}")
    @EnumSource(Node.Kind.class)
    void aHigherPriorityPeerWinsAndOurBackupTakesOverWhenItCrashes(Node.Kind peer) throws Exception {
        start(peer, nsA, "peer", single(150));
        awaitVipOnlyOn(nsA, SETTLE);
        Node ours = start(Node.Kind.KEEPALIVED4J, nsB, "ours", single(100));
        assertStaysOnlyOn(nsA, Duration.ofSeconds(3));
        assertThat(ours.entered("MASTER")).isZero();

        nodes.get(0).kill();
        Duration takeover = awaitVipOn(nsB, Duration.ofSeconds(6));
        assertThat(takeover).isLessThan(Duration.ofMillis(3609 + 1000));
        assertThat(ours.awaitLog("Entering MASTER STATE (master no response)")).contains("Entering MASTER STATE (master no response)");
    }

    @Test
    void gracefulStopOfOurMasterHandsOverWithinSkewTime() throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", single(150));
        start(Node.Kind.KEEPALIVED, nsB, "peer", single(100));
        awaitVipOnlyOn(nsA, SETTLE);
        long before = System.nanoTime();
        ours.signal("TERM");
        Duration takeover = awaitVipOnlyOn(nsB, Duration.ofSeconds(3));
        // skew of the priority-100 backup: 156/256 s; allow for process exit and polling
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(609 + 700));
        assertThat(takeover).isLessThan(Duration.ofMillis(609 + 700));
    }

    @Test
    void gracefulStopOfKeepalivedMakesOurBackupTakeOverWithinSkewTime() throws Exception {
        Node peer = start(Node.Kind.KEEPALIVED, nsA, "peer", single(150));
        Node ours = start(Node.Kind.KEEPALIVED4J, nsB, "ours", single(100));
        awaitVipOnlyOn(nsA, SETTLE);
        peer.signal("TERM");
        awaitVipOnlyOn(nsB, Duration.ofMillis(609 + 700));
        assertThat(ours.awaitLog("Entering MASTER STATE (master released)")).contains("Entering MASTER STATE (master released)");
    }

    @Test
    void higherPriorityNodeStartingLaterPreemptsButNotWithNopreempt() throws Exception {
        start(Node.Kind.KEEPALIVED, nsA, "peer", single(100));
        awaitVipOnlyOn(nsA, SETTLE);
        Node ours = start(Node.Kind.KEEPALIVED4J, nsB, "ours", single(150));
        awaitVipOnlyOn(nsB, SETTLE);
        assertThat(ours.awaitLog("Entering MASTER STATE (priority)")).contains("Entering MASTER STATE (priority)");
        ours.stop();
        awaitVipOnlyOn(nsA, Duration.ofSeconds(5));

        Node polite = start(Node.Kind.KEEPALIVED4J, nsB, "polite", single(150, "nopreempt"));
        assertStaysOnlyOn(nsA, Duration.ofSeconds(10));
        assertThat(polite.entered("MASTER")).isZero();
        assertThat(polite.entered("BACKUP")).isEqualTo(1);
    }

    @Test
    void authenticationMismatchIsNotAdoptedAndIsCounted() throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", single(100)
                .block("keepalived4j_prometheus {\n    listen 127.0.0.1:9165\n}\n"));
        VrrpConfig other = VrrpConfig.node().instance("VI_1", "eth0", 51, 150, VIP, VrrpConfig.pass("different"));
        Node peer = start(Node.Kind.KEEPALIVED, nsB, "peer", other);
        Lab.sleep(SETTLE);
        // Neither accepts the other's adverts: both consider themselves master. (keepalived, as
        // master, postpones its own adverts while it keeps receiving ours, so it sends few.)
        assertThat(lab.hasAddress(nsA, "eth0", VIP)).isTrue();
        assertThat(lab.hasAddress(nsB, "eth0", VIP)).isTrue();
        assertThat(ours.entered("MASTER")).isEqualTo(1);
        assertThat(peer.awaitLog("received an invalid passwd")).contains("received an invalid passwd");
        String metrics = Lab.run("ip", "netns", "exec", nsA, "curl", "-s", "http://127.0.0.1:9165/metrics");
        assertThat(Metrics.parse(metrics).get("keepalived_authentication_failure_total")).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.parse(metrics).get("keepalived_advertisements_received_total")).isZero();
        assertThat(metrics).doesNotContain("k4jsecret").doesNotContain("different");
    }

    @ParameterizedTest(name = "peer {0}")
    @EnumSource(Node.Kind.class)
    void unicastPeersElectAndFailOver(Node.Kind peer) throws Exception {
        start(Node.Kind.KEEPALIVED4J, nsA, "ours", single(150, "unicast_src_ip 10.77.0.1",
                "unicast_peer {", "    10.77.0.2", "}"));
        Node other = start(peer, nsB, "peer", single(100, "unicast_src_ip 10.77.0.2",
                "unicast_peer {", "    10.77.0.1", "}"));
        awaitVipOnlyOn(nsA, SETTLE);
        assertStaysOnlyOn(nsA, Duration.ofSeconds(3));
        nodes.get(0).kill();
        awaitVipOn(nsB, Duration.ofSeconds(6));
        assertThat(other.alive()).isTrue();
    }

    @Test
    void syncGroupMembersFailOverTogether() throws Exception {
        lab.link(nsA, "eth1", "10.78.0.1/24", nsB, "eth1", "10.78.0.2/24");
        // A local veth pair that only VI_2 of our node tracks: taking it down faults VI_2 alone.
        Lab.run("ip", "-n", nsA, "link", "add", "trk0", "type", "veth", "peer", "name", "trk1");
        Lab.run("ip", "-n", nsA, "link", "set", "trk1", "up");
        Lab.run("ip", "-n", nsA, "link", "set", "trk0", "up");
        String group = "vrrp_sync_group VG_1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        VrrpConfig ours = VrrpConfig.node().block(group)
                .instance("VI_1", "eth0", 51, 150, VIP)
                .instance("VI_2", "eth1", 52, 150, "10.78.0.100", "track_interface {", "    trk0", "}");
        VrrpConfig theirs = VrrpConfig.node().block(group)
                .instance("VI_1", "eth0", 51, 100, VIP)
                .instance("VI_2", "eth1", 52, 100, "10.78.0.100");
        Node a = start(Node.Kind.KEEPALIVED4J, nsA, "ours", ours);
        start(Node.Kind.KEEPALIVED, nsB, "peer", theirs);
        awaitVipOnlyOn(nsA, SETTLE);
        assertThat(lab.hasAddress(nsA, "eth1", "10.78.0.100")).isTrue();
        assertThat(lab.hasAddress(nsB, "eth1", "10.78.0.100")).isFalse();

        // The fault of VI_2 takes VI_1 down with it: the peer gets both addresses.
        Lab.run("ip", "-n", nsA, "link", "set", "trk0", "down");
        awaitVipOnlyOn(nsB, Duration.ofSeconds(6));
        awaitSecondVip(nsB);
        assertThat(a.log()).contains("(VI_2) Entering FAULT STATE (fault)", "(VI_1) Entering FAULT STATE (sync group)");

        Lab.run("ip", "-n", nsA, "link", "set", "trk0", "up");
        awaitVipOnlyOn(nsA, SETTLE);
        awaitSecondVip(nsA);
    }

    private void awaitSecondVip(String ns) {
        String other = ns.equals(nsA) ? nsB : nsA;
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (lab.hasAddress(ns, "eth1", "10.78.0.100") && !lab.hasAddress(other, "eth1", "10.78.0.100")) {
                return;
            }
            Lab.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("second VIP not only on " + ns);
    }

    @Test
    void aFailingTrackScriptLowersOurPriorityAndThePeerPreempts() throws Exception {
        Path healthy = dir.resolve("healthy");
        Files.writeString(healthy, "ok");
        String script = "vrrp_script chk {\n    script \"/usr/bin/test -e " + healthy + "\"\n    interval 1\n"
                + "    weight -60\n    fall 1\n    rise 1\n}\n";
        VrrpConfig ours = VrrpConfig.node().global("enable_script_security").global("script_user root")
                .block(script).instance("VI_1", "eth0", 51, 150, VIP, "authentication {", "    auth_type PASS",
                        "    auth_pass k4jsecret", "}", "track_script {", "    chk", "}");
        Node a = start(Node.Kind.KEEPALIVED4J, nsA, "ours", ours);
        start(Node.Kind.KEEPALIVED, nsB, "peer", single(120));
        awaitVipOnlyOn(nsA, SETTLE);

        Files.delete(healthy);
        awaitVipOnlyOn(nsB, Duration.ofSeconds(10));
        assertThat(a.log()).contains("VRRP_Script(chk) failed", "effective priority now 90");

        Files.writeString(healthy, "ok");
        awaitVipOnlyOn(nsA, Duration.ofSeconds(10));
    }
}
