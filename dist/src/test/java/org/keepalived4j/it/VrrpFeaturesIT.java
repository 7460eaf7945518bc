package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More of keepalived4j on the wire in namespaces: VRRPv3 over IPv6 against keepalived,
 * use_vmac, and SIGHUP reloads that keep unchanged instances as they are.
 */
class VrrpFeaturesIT {

    @TempDir
    Path dir;

    private Lab lab;
    private String nsA;
    private String nsB;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        lab = new Lab("vrrpfit");
        nsA = lab.namespace("a");
        nsB = lab.namespace("b");
        for (String ns : List.of(nsA, nsB)) {
            // VIPs and link-local addresses usable at once, as keepalived's own tests do
            Lab.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
            Lab.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        }
        lab.link(nsA, "eth0", "10.80.0.1/24", nsB, "eth0", "10.80.0.2/24");
    }

    @AfterEach
    void cleanUp() {
        nodes.forEach(Node::close);
        lab.close();
    }

    private Node start(Node.Kind kind, String ns, String name, String config) throws Exception {
        Node node = new Node(kind, ns, dir, name).start(config);
        nodes.add(node);
        return node;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Lab.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(what + " not within " + timeout);
    }

    private static String ipv6Instance(int priority) {
        return "vrrp_instance VI_6 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 66\n"
                + "    priority " + priority + "\n    advert_int 1\n    virtual_ipaddress {\n        fd00:66::100/64\n"
                + "    }\n}\n";
    }

    @Test
    void ipv6VrrpV3ElectsAndFailsOverWithKeepalived() throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", ipv6Instance(150));
        await("IPv6 VIP on our node", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "fd00:66::100"));
        Node peer = start(Node.Kind.KEEPALIVED, nsB, "peer", ipv6Instance(100));
        // keepalived, a lower-priority backup, hears our VRRPv3 adverts over IPv6 and never takes over
        Lab.sleep(Duration.ofSeconds(6));
        assertThat(lab.hasAddress(nsB, "eth0", "fd00:66::100")).isFalse();
        assertThat(peer.entered("MASTER")).isZero();

        ours.stop();
        await("IPv6 VIP on keepalived after our graceful stop", Duration.ofSeconds(3),
                () -> lab.hasAddress(nsB, "eth0", "fd00:66::100"));
        assertThat(lab.hasAddress(nsA, "eth0", "fd00:66::100")).isFalse();

        Node again = start(Node.Kind.KEEPALIVED4J, nsA, "again", ipv6Instance(150));
        await("preemption back", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "fd00:66::100")
                && !lab.hasAddress(nsB, "eth0", "fd00:66::100"));
        assertThat(again.awaitLog("(VI_6) Entering MASTER STATE")).contains("(VI_6) Entering MASTER STATE");
    }

    private static String oldChecksumInstance(String self, String peer, int priority, boolean oldChecksum) {
        return "vrrp_instance VI_U {\n    state BACKUP\n    interface eth0\n    virtual_router_id 77\n"
                + "    version 3\n    priority " + priority + "\n    advert_int 1\n"
                + (oldChecksum ? "    old_unicast_checksum\n" : "")
                + "    unicast_src_ip " + self + "\n    unicast_peer {\n        " + peer + "\n    }\n"
                + "    virtual_ipaddress {\n        10.80.0.177/24\n    }\n}\n";
    }

    @Test
    void theOldUnicastChecksumIsRecognisedWithVrrpMcastGroup4() throws Exception {
        // keepalived's old unicast VRRPv3 checksum takes vrrp_mcast_group4 as pseudo-header destination
        String group = "global_defs {\n    vrrp_mcast_group4 224.0.0.19\n}\n";
        start(Node.Kind.KEEPALIVED, nsB, "peer", group + oldChecksumInstance("10.80.0.2", "10.80.0.1", 150, true));
        await("keepalived MASTER", Duration.ofSeconds(15), () -> lab.hasAddress(nsB, "eth0", "10.80.0.177"));

        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", group + oldChecksumInstance("10.80.0.1", "10.80.0.2",
                100, false));
        assertThat(ours.awaitLog("pre-1.3.6 unicast VRRPv3 checksum")).contains("switching to it");
        Lab.sleep(Duration.ofSeconds(6)); // longer than Master_Down_Interval
        assertThat(ours.entered("MASTER")).isZero();
        assertThat(ours.log()).doesNotContain("checksum - packet dropped");
        assertThat(lab.hasAddress(nsA, "eth0", "10.80.0.177")).isFalse();
        assertThat(lab.hasAddress(nsB, "eth0", "10.80.0.177")).isTrue();
    }

    @Test
    void useVmacCarriesTheVipAndTheAdvertsOnTheVirtualMac() throws Exception {
        String extra = "use_vmac";
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", VrrpConfig.node()
                .instance("VI_1", "eth0", 51, 150, "10.80.0.100", extra).text());
        start(Node.Kind.KEEPALIVED, nsB, "peer", VrrpConfig.node().instance("VI_1", "eth0", 51, 100, "10.80.0.100")
                .text());
        await("VIP on our VMAC", Duration.ofSeconds(15), () -> Lab.run("ip", "-n", nsA, "-o", "addr", "show")
                .lines().anyMatch(l -> l.contains("vrrp.51") && l.contains(" 10.80.0.100/")));
        String link = Lab.run("ip", "-n", nsA, "-d", "link", "show", "vrrp.51");
        assertThat(link).contains("00:00:5e:00:01:33").contains("macvlan mode private");
        Lab.sleep(Duration.ofSeconds(3));
        assertThat(lab.hasAddress(nsB, "eth0", "10.80.0.100")).isFalse();
        // our adverts leave from the virtual router's MAC
        String frames = Lab.run("ip", "netns", "exec", nsB, "timeout", "5", "tcpdump", "-i", "eth0", "-e", "-n",
                "-c", "1", "ip proto 112");
        assertThat(frames).contains("00:00:5e:00:01:33 >");

        ours.stop();
        await("VMAC removed on stop", Duration.ofSeconds(5),
                () -> !Lab.run("ip", "-n", nsA, "-o", "link", "show").contains("vrrp.51"));
    }

    private static String instance(String name, int vrid, String vip) {
        return VrrpConfig.node().instance(name, "eth0", vrid, 150, vip).text().replaceFirst("(?s)^global_defs \\{.*?\\}\\n", "");
    }

    @Test
    void reloadKeepsUnchangedInstancesAndReconcilesChangedOnes() throws Exception {
        String header = "global_defs {\n    router_id it\n}\n";
        String vi1 = instance("VI_1", 51, "10.80.0.100");
        String vi2 = instance("VI_2", 52, "10.80.0.101");
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", header + vi1 + vi2);
        await("both masters", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "10.80.0.100")
                && lab.hasAddress(nsA, "eth0", "10.80.0.101"));

        // VI_1 unchanged (but moved down the file), VI_2's address changed, VI_3 new.
        String vi2b = instance("VI_2", 52, "10.80.0.102");
        String vi3 = instance("VI_3", 53, "10.80.0.103");
        ours.reload(header + "\n\n" + vi2b + vi3 + vi1);
        try {
            await("reconciled", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "10.80.0.102")
                    && !lab.hasAddress(nsA, "eth0", "10.80.0.101") && lab.hasAddress(nsA, "eth0", "10.80.0.103"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; addresses:\n" + Lab.run("ip", "-n", nsA, "-o", "addr", "show")
                    + "daemon log:\n" + ours.log(), e);
        }
        String log = ours.log();
        assertThat(log).contains("reloading configuration");
        assertThat(log.lines().filter(l -> l.contains("(VI_1) Entering")).count()).isEqualTo(2);
        assertThat(log.lines().filter(l -> l.contains("(VI_2) Entering")).count()).isEqualTo(2);
        assertThat(lab.hasAddress(nsA, "eth0", "10.80.0.100")).isTrue();

        // VI_2 removed: it stops and its address goes.
        ours.reload(header + vi3 + vi1);
        await("VI_2 removed", Duration.ofSeconds(10), () -> !lab.hasAddress(nsA, "eth0", "10.80.0.102"));
        assertThat(ours.awaitLog("(VI_2) Entering STOP STATE (removed by reload)")).contains("(VI_2) Entering STOP STATE (removed by reload)");
        assertThat(lab.hasAddress(nsA, "eth0", "10.80.0.100")).isTrue();
        assertThat(lab.hasAddress(nsA, "eth0", "10.80.0.103")).isTrue();
    }

    private static final int FAST_ADVERT_MILLIS = 50;

    /** {@code count} VRRPv3 instances at advert_int {@value #FAST_ADVERT_MILLIS} ms, VRIDs 1.., one VIP each. */
    private static String fastInstances(int count, int priority) {
        StringBuilder b = new StringBuilder("global_defs {\n    router_id it\n}\n");
        for (int i = 1; i <= count; i++) {
            b.append("vrrp_instance VI_").append(i).append(" {\n    state BACKUP\n    interface eth0\n")
                    .append("    virtual_router_id ").append(i).append("\n    version 3\n    priority ").append(priority)
                    .append("\n    advert_int ").append(FAST_ADVERT_MILLIS / 1000.0).append("\n    virtual_ipaddress {\n        10.81.").append(i)
                    .append(".1/24\n    }\n}\n");
        }
        return b.toString();
    }

    @Test
    void aBackupHeldUpForHalfASecondLosesNoAdvert() throws Exception {
        // 50 instances at 50 ms: 1,000 adverts a second, so 600 ms stopped is more than the kernel's
        // default buffer holds (256 of them). The backup's Master_Down_Interval (3 adverts plus the
        // skew of priority 100) is long enough that only a real fault, not a busy machine delaying
        // the kernel's delivery by a few tens of milliseconds, makes it expire.
        int instances = 50;
        Duration masterDown = Duration.of(3 * FAST_ADVERT_MILLIS * 1000L + (256 - 100) * FAST_ADVERT_MILLIS * 1000L / 256, java.time.temporal.ChronoUnit.MICROS);
        Node master = start(Node.Kind.KEEPALIVED, nsA, "master", fastInstances(instances, 200));
        Node ours = start(Node.Kind.KEEPALIVED4J, nsB, "ours", fastInstances(instances, 100));
        await("keepalived master of every instance, keepalived4j backup of every one", Duration.ofSeconds(30),
                () -> master.entered("MASTER") >= instances && ours.entered("BACKUP") >= instances);
        Lab.sleep(Duration.ofSeconds(2));
        long takeoversBefore = ours.entered("MASTER");
        try (AdvertCapture wire = new AdvertCapture(nsB, "eth0", "10.80.0.2")) {
            long dropsBefore = Lab.rawSocketDrops(nsB);
            Instant stopped = Instant.now();
            ours.signal("STOP");
            Lab.sleep(Duration.ofMillis(600));
            ours.signal("CONT");
            Instant continued = Instant.now();
            Lab.sleep(Duration.ofSeconds(2));
            assertThat(Lab.rawSocketDrops(nsB) - dropsBefore).as("adverts dropped while the daemon was stopped")
                    .isZero();
            // a takeover is ours to answer for only if the master's adverts kept coming: on a busy
            // machine the keepalived master itself can fall silent for a Master_Down_Interval
            List<String> takeovers = ours.log().lines().filter(l -> l.contains("Entering MASTER STATE")).toList();
            for (String line : takeovers.subList((int) takeoversBefore, takeovers.size())) {
                int vrid = Integer.parseInt(line.replaceAll(".*\\(VI_(\\d+)\\).*", "$1"));
                assertThat(longestSilence(wire.adverts(), vrid)).as("VI_" + vrid + " took over although the master's"
                        + " adverts never stopped for " + masterDown.toNanos() / 1e6 + " ms (Master_Down_Interval);"
                        + " stopped " + stopped + ", continued " + continued + "\n" + ours.log())
                        .isGreaterThan(masterDown);
            }
        }
    }

    /** The longest time between two of the master's adverts for {@code vrid} the backup's interface saw. */
    private static Duration longestSilence(List<AdvertCapture.Advert> adverts, int vrid) {
        long longest = 0;
        long previous = -1;
        for (AdvertCapture.Advert a : adverts) {
            if (a.vrid() == vrid && a.priority() == 200) {
                if (previous >= 0) {
                    longest = Math.max(longest, a.micros() - previous);
                }
                previous = a.micros();
            }
        }
        return Duration.ofNanos(longest * 1000);
    }

    /** The VRRP thread's stat fields (policy, real-time priority) and allowed CPUs, from /proc. */
    private static String vrrpThread(Node node) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + node.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).trim().equals("vrrp")) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String cpus = Files.readAllLines(task.resolve("status")).stream()
                            .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow();
                    return "policy " + f[41 - 3] + ", rt_priority " + f[40 - 3] + ", " + cpus.replaceAll("\\s+", " ");
                }
            }
        }
        throw new AssertionError("no vrrp thread in process " + node.pid());
    }

    @Test
    void vrrpRtPriorityRunsTheVrrpThreadRealTimeUntilItsCpuLimitIsPassed() throws Exception {
        String config = "global_defs {\n    router_id it\n    vrrp_rt_priority 20\n    vrrp_rlimit_rttime 50000\n"
                + "    vrrp_cpu_affinity 0\n}\n" + instance("VI_1", 51, "10.80.0.100");
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", config);
        await("master", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "10.80.0.100"));
        assertThat(vrrpThread(ours)).isEqualTo("policy 2, rt_priority 20, Cpus_allowed_list: 0");
        assertThat(ours.log()).contains("VRRP thread: real-time scheduling (SCHED_RR) at priority 20");
        String main = Files.readString(Path.of("/proc/" + ours.pid() + "/stat"));
        assertThat(main.substring(main.lastIndexOf(')') + 2).split(" ")[41 - 3]).as("the main thread's policy")
                .isEqualTo("0");
        assertThat(Files.readAllLines(Path.of("/proc/" + ours.pid() + "/limits")).stream()
                .filter(l -> l.startsWith("Max realtime timeout")).findFirst().orElseThrow()).contains(" 50000 ");

        // what the kernel sends once the thread has run 50 ms at real-time priority without sleeping
        ours.signal("XCPU");
        assertThat(ours.awaitLog("vrrp_rlimit_rttime may need to be increased")).contains("more than 50000 us");
        awaitVrrpThread(ours, "policy 0, rt_priority 0,");
        // real-time again a second later, as keepalived's VRRP process is once its parent restarts it
        awaitVrrpThread(ours, "policy 2, rt_priority 20,");
        assertThat(ours.alive()).isTrue();
        assertThat(ours.entered("MASTER")).isEqualTo(1);

        // a reload sets up its instances under normal scheduling, then goes back to real-time
        ours.reload(config);
        assertThat(ours.awaitLog("reloading configuration")).contains("reloading configuration");
        Lab.sleep(Duration.ofSeconds(1));
        awaitVrrpThread(ours, "policy 2, rt_priority 20,");
        assertThat(ours.lines("real-time scheduling (SCHED_RR) at priority 20"))
                .isEqualTo(3);
        assertThat(lab.hasAddress(nsA, "eth0", "10.80.0.100")).isTrue();
    }

    @Test
    void maxAutoPriorityRaisesTheVrrpThreadEachTimeItRunsLate() throws Exception {
        String config = "global_defs {\n    router_id it\n    max_auto_priority 2\n"
                + "    min_auto_priority_delay 200000\n    vrrp_rlimit_rttime 500000\n}\n"
                + instance("VI_1", 51, "10.80.0.101");
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", config);
        await("master", Duration.ofSeconds(15), () -> lab.hasAddress(nsA, "eth0", "10.80.0.101"));
        assertThat(vrrpThread(ours)).startsWith("policy 0, rt_priority 0,");

        // a daemon held up (here stopped) wakes after its advert timer was due: more than
        // min_auto_priority_delay late, it goes real-time, then one priority higher each time
        for (int stall = 1; stall <= 3; stall++) {
            ours.signal("STOP");
            Lab.sleep(Duration.ofMillis(1_500));
            ours.signal("CONT");
            long logged = stall;
            await("timer lateness logged " + stall + " time(s)", Duration.ofSeconds(5),
                    () -> ours.lines("A thread timer expired ") >= logged);
            awaitVrrpThread(ours, "policy 2, rt_priority " + Math.min(stall, 2) + ",");
        }
        assertThat(ours.log()).containsPattern("A thread timer expired [01]\\.[0-9]{6} seconds ago");
        assertThat(ours.lines("Set realtime priority ")).as("never past max_auto_priority").isEqualTo(2);
        assertThat(Files.readAllLines(Path.of("/proc/" + ours.pid() + "/limits")).stream()
                .filter(l -> l.startsWith("Max realtime timeout")).findFirst().orElseThrow()).contains(" 500000 ");

        // a reload keeps the raised priority
        ours.reload(config);
        assertThat(ours.awaitLog("reloading configuration")).contains("reloading configuration");
        Lab.sleep(Duration.ofSeconds(1));
        awaitVrrpThread(ours, "policy 2, rt_priority 2,");
        assertThat(ours.entered("MASTER")).isEqualTo(1);
    }

    private static void awaitVrrpThread(Node node, String prefix) {
        await("VRRP thread " + prefix, Duration.ofSeconds(5), () -> {
            try {
                return vrrpThread(node).startsWith(prefix);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
