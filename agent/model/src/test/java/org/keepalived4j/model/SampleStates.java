package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ready-made snapshots for exporter tests and benchmarks. */
public final class SampleStates {

    /** The moment every sample snapshot describes. */
    public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static final List<Double> TAKEOVER_BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
            2.5, 5.0);
    private static final List<Double> CHECK_BOUNDS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0);

    private SampleStates() {
    }

    public static DaemonSnapshot daemon() {
        return new DaemonSnapshot("0.1.0-test", "lb1", 4242, NOW.minusSeconds(3600), "/etc/keepalived/keepalived.conf",
                NOW.minusSeconds(600), 2, false, new ReloadStatus(false, 1, NOW.minusSeconds(60),
                "(/etc/keepalived/keepalived.conf:12) (VI_1) Error - VRRP parsed invalid IP 10.. skipping IP..."));
    }

    /** A MASTER instance on eth0 with two VIPs, one excluded VIP and one tracked script. */
    public static VrrpInstanceSnapshot instance(String name, int vrid, VrrpState state) {
        List<VipSnapshot> vips = List.of(
                new VipSnapshot("10.0." + (vrid % 250) + ".1/24", "eth0", null, null, state == VrrpState.MASTER),
                new VipSnapshot("fd00::" + Integer.toHexString(vrid) + "/64", "eth1", null, null,
                        state == VrrpState.MASTER));
        List<VipSnapshot> excluded = List.of(
                new VipSnapshot("192.168." + (vrid % 250) + ".1/32", "eth0", null, null, state == VrrpState.MASTER));
        List<TransitionCount> transitions = List.of(
                new TransitionCount(VrrpState.BACKUP, TransitionReason.STARTUP, 1),
                new TransitionCount(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, 2),
                new TransitionCount(VrrpState.BACKUP, TransitionReason.PREEMPTED, 1));
        VrrpCounters counters = new VrrpCounters(120 + vrid, 340 + vrid, 2, 1, 0, 1, 0, 0, 0, 0, 0, 3, 1, 0, 4);
        HistogramSnapshot takeover = new HistogramSnapshot(TAKEOVER_BOUNDS,
                List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 2L), 5.4);
        return new VrrpInstanceSnapshot(name, vrid, "eth0", 2, false, state, state, VrrpState.BACKUP, 150, 140,
                Duration.ofSeconds(1), Duration.ofSeconds(1), state == VrrpState.MASTER ? "10.1.0.2" : "10.1.0.3",
                150, "10.1.0.2", List.of(), vips, excluded, true, Duration.ZERO, "PASS", Duration.ofSeconds(5),
                NOW.minusSeconds(90), TransitionReason.MASTER_NO_RESPONSE, 4, transitions, "SG_1",
                List.of(new TrackerSnapshot("script", "chk_nginx", true, -10, 0),
                        new TrackerSnapshot("interface", "eth1", true, 0, 0)),
                counters, takeover);
    }

    public static RealServerSnapshot realServer(String virtualServer, String ip, int port, boolean alive) {
        HistogramSnapshot duration = new HistogramSnapshot(CHECK_BOUNDS,
                List.of(0L, 5L, 40L, 95L, 99L, 100L, 100L, 100L, 100L), 1.9);
        return new RealServerSnapshot(virtualServer, ip + ":" + port, ip, port, 10, alive ? 10 : 0, alive,
                List.of("HTTP_GET"), alive ? 3 : 17, NOW.minusSeconds(2), Duration.ofMillis(12),
                alive ? "OK" : "status code 503", duration);
    }

    public static VirtualServerSnapshot virtualServer(String ip, int port, int realServers, int down) {
        String key = ip + ":" + port + "/tcp";
        List<RealServerSnapshot> rs = new ArrayList<>();
        for (int i = 0; i < realServers; i++) {
            rs.add(realServer(key, "10.2." + (i / 250) + "." + (i % 250 + 1), 8080, i >= down));
        }
        return new VirtualServerSnapshot(key, "tcp", "rr", "NAT", 1, 0, realServers > down, null, false, false, rs);
    }

    public static ScriptSnapshot script(String name, ScriptStatus status) {
        return new ScriptSnapshot(name, status, false, -10, Duration.ofSeconds(2), Duration.ofSeconds(1),
                NOW.minusSeconds(1), status == ScriptStatus.GOOD ? 0 : 1);
    }

    /** A small but complete daemon: two instances in a sync group, scripts, two virtual servers. */
    public static StateSnapshot small() {
        List<VrrpInstanceSnapshot> instances = List.of(instance("VI_1", 51, VrrpState.MASTER),
                instance("VI_2", 52, VrrpState.BACKUP));
        List<SyncGroupSnapshot> groups = List.of(new SyncGroupSnapshot("SG_1", VrrpState.MASTER,
                List.of("VI_1", "VI_2"), NOW.minusSeconds(90), 3));
        List<ScriptSnapshot> scripts = List.of(script("chk_nginx", ScriptStatus.GOOD),
                script("chk_disk", ScriptStatus.BAD));
        List<VirtualServerSnapshot> vs = List.of(virtualServer("10.0.0.1", 80, 3, 1),
                new VirtualServerSnapshot("fwmark:7", "tcp", "wlc", "DR", 20, 0, false, "10.3.0.1:80", true, false,
                        List.of(realServer("fwmark:7", "10.3.0.2", 0, false))),
                new VirtualServerSnapshot("[fd00::10]:443/tcp", "tcp", "rr", "DR", 1, 0, true, null, false, false,
                        List.of(realServer("[fd00::10]:443/tcp", "[fd00::11]", 443, true))));
        return new StateSnapshot(daemon(), instances, groups, scripts, vs);
    }

    /** A large daemon for benchmarks: {@code instances} VRRP instances, {@code realServers} real servers. */
    public static StateSnapshot large(int instances, int virtualServers, int realServersEach) {
        List<VrrpInstanceSnapshot> vi = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            vi.add(instance("VI_" + i, i % 255 + 1, i % 2 == 0 ? VrrpState.MASTER : VrrpState.BACKUP));
        }
        List<VirtualServerSnapshot> vs = new ArrayList<>();
        for (int i = 0; i < virtualServers; i++) {
            vs.add(virtualServer("10.9." + (i / 250) + "." + (i % 250 + 1), 80, realServersEach, 1));
        }
        List<ScriptSnapshot> scripts = List.of(script("chk_nginx", ScriptStatus.GOOD));
        return new StateSnapshot(daemon(), vi, List.of(), scripts, vs);
    }
}
