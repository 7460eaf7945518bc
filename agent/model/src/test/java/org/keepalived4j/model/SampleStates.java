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
                "(/etc/keepalived/keepalived.conf:12) (VI_1) Error - VRRP parsed invalid IP 10.. skipping IP..."),
                globals(), new VrrpRouterCounters(1, 2, 3));
    }

    public static GlobalSettings globals() {
        return new GlobalSettings("lb1", new MailSettings("192.0.2.25", 25, "lb1", Duration.ofSeconds(30),
                "keepalived@lb1", List.of("ops@example.com"), true, null, null, true), true, true, true, true, true,
                "unix:/var/agentx/master", false, false, "no", null, false, "keepalived_script", true);
    }

    private static AddressSettings address(int index, String value, int prefix, String device, boolean advertised) {
        return new AddressSettings(index, value, prefix, value.contains(":"), null, device, null, null, null,
                advertised);
    }

    public static VrrpInstanceSettings settings(String name, int vrid) {
        List<AddressSettings> addresses = List.of(address(1, "10.0." + (vrid % 250) + ".1", 24, "eth0", true),
                address(2, "fd00::" + Integer.toHexString(vrid), 64, "eth1", true),
                address(3, "192.168." + (vrid % 250) + ".1", 32, "eth0", false));
        NotifySettings notify = new NotifySettings(new ScriptLine("/etc/keepalived/master.sh", null, null), null, null,
                null, null, false, new ScriptLine("/etc/keepalived/notify.sh", "keepalived_script", null), null);
        return new VrrpInstanceSettings(vrid, name, vrid, "eth0", 2, false, VrrpState.BACKUP, 150,
                Duration.ofSeconds(1), true, Duration.ZERO, "PASS", Duration.ofSeconds(5), "SG_1", true, false, false,
                true, false, notify, "224.0.0.18", null, List.of(), addresses, List.of(), List.of(),
                List.of(new TrackSettings("script", "chk_nginx", -10, false), new TrackSettings("interface", "eth1", 0,
                        false)), false);
    }

    /** A virtual address ({@code advertised}) on {@code device}, installed or not. */
    public static VipSnapshot vip(String value, int prefix, String device, boolean installed) {
        return new VipSnapshot(address(1, value, prefix, device, true), installed);
    }

    /** {@code i} with only these virtual addresses (no excluded ones). */
    public static VrrpInstanceSnapshot withVips(VrrpInstanceSnapshot i, List<VipSnapshot> vips) {
        VrrpInstanceSettings s = i.settings();
        List<AddressSettings> addresses = new ArrayList<>();
        List<Boolean> present = new ArrayList<>();
        for (VipSnapshot v : vips) {
            AddressSettings a = v.settings();
            addresses.add(new AddressSettings(addresses.size() + 1, a.value(), a.prefixLength(), a.ipv6(), a.broadcast(),
                    a.device(), a.label(), a.scope(), a.peer(), true));
            present.add(v.installed());
        }
        VrrpInstanceSettings settings = new VrrpInstanceSettings(s.index(), s.name(), s.vrid(), s.interfaceName(),
                s.version(), s.ipv6(), s.initialState(), s.priority(), s.advertInterval(), s.preempt(), s.preemptDelay(),
                s.authType(), s.garpMasterDelay(), s.syncGroup(), s.accept(), s.dontTrackPrimary(),
                s.promoteSecondaries(), s.smtpAlert(), s.notifyPriorityChanges(), s.notifyScripts(), s.multicastGroup(),
                s.unicastSource(), s.unicastPeers(), addresses, s.routes(), s.rules(), s.tracked(), s.useLinkbeat());
        VrrpInstanceStatus t = i.status();
        VrrpInstanceStatus status = new VrrpInstanceStatus(t.state(), t.wantedState(), t.basePriority(),
                t.effectivePriority(), t.masterAdvertInterval(), t.masterAddress(), t.masterPriority(),
                t.primaryAddress(), t.lastTransition(), t.lastTransitionReason(), t.transitionCount(), t.transitions(),
                t.trackers(), present);
        return new VrrpInstanceSnapshot(settings, status, i.counters(), i.takeover());
    }

    /** A MASTER instance on eth0 with two VIPs, one excluded VIP and one tracked script. */
    public static VrrpInstanceSnapshot instance(String name, int vrid, VrrpState state) {
        boolean master = state == VrrpState.MASTER;
        List<TransitionCount> transitions = List.of(
                new TransitionCount(VrrpState.BACKUP, TransitionReason.STARTUP, 1),
                new TransitionCount(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, 2),
                new TransitionCount(VrrpState.BACKUP, TransitionReason.PREEMPTED, 1));
        VrrpCounters counters = new VrrpCounters(120 + vrid, 340 + vrid, 2, 1, 0, 1, 0, 0, 0, 0, 0, 3, 1, 0, 4);
        HistogramSnapshot takeover = new HistogramSnapshot(TAKEOVER_BOUNDS,
                List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 2L, 2L), 5.4);
        VrrpInstanceStatus status = new VrrpInstanceStatus(state, state, 150, 140, Duration.ofSeconds(1),
                master ? "10.1.0.2" : "10.1.0.3", 150, "10.1.0.2", NOW.minusSeconds(90),
                TransitionReason.MASTER_NO_RESPONSE, 4, transitions,
                List.of(new TrackerSnapshot("script", "chk_nginx", true, -10, 0),
                        new TrackerSnapshot("interface", "eth1", true, 0, 0)),
                List.of(master, master, master));
        return new VrrpInstanceSnapshot(settings(name, vrid), status, counters, takeover);
    }

    private static CheckerDefaults checkerDefaults() {
        return new CheckerDefaults(false, 3, Duration.ofSeconds(2), null, Duration.ofSeconds(6), Duration.ofSeconds(5));
    }

    public static RealServerSnapshot realServer(String virtualServer, String ip, int port, boolean alive) {
        HistogramSnapshot duration = new HistogramSnapshot(CHECK_BOUNDS,
                List.of(0L, 5L, 40L, 95L, 99L, 100L, 100L, 100L, 100L), 1.9);
        RealServerSettings settings = new RealServerSettings(1, virtualServer, ip + ":" + port, ip, ip.contains(":"),
                port, 10, new Forwarding("NAT", null, 0, null), 0, 0, false, null, null, false, null,
                checkerDefaults(), List.of("HTTP_GET"), null);
        return new RealServerSnapshot(settings, alive, alive ? 10 : 0, alive ? 0 : 1, alive ? 3 : 17, NOW.minusSeconds(2),
                Duration.ofMillis(12), alive ? "OK" : "status code 503", duration, IpvsStats.NONE);
    }

    public static VirtualServerSettings virtualServerSettings(int index, String key, String method, long quorum,
            String sorry) {
        boolean fwmark = key.startsWith("fwmark:");
        return new VirtualServerSettings(index, key, fwmark ? "fwmark" : "address", null,
                fwmark ? Long.parseLong(key.substring(7)) : 0, null, key.startsWith("["), 0, "TCP", fwmark ? "wlc" : "rr",
                List.of(), new Forwarding(method, null, 0, null), null, Duration.ZERO, null, null, false, false, quorum,
                0, null, null, sorry, false, false, checkerDefaults(), null);
    }

    public static VirtualServerSnapshot virtualServer(String ip, int port, int realServers, int down) {
        String key = ip + ":" + port + "/tcp";
        List<RealServerSnapshot> rs = new ArrayList<>();
        for (int i = 0; i < realServers; i++) {
            rs.add(realServer(key, "10.2." + (i / 250) + "." + (i % 250 + 1), 8080, i >= down));
        }
        return new VirtualServerSnapshot(virtualServerSettings(1, key, "NAT", 1, null), realServers > down, false, false,
                IpvsStats.NONE, rs);
    }

    public static ScriptSnapshot script(String name, ScriptStatus status) {
        VrrpScriptSettings settings = new VrrpScriptSettings(1, name, new ScriptLine("/usr/local/bin/" + name, null,
                null), Duration.ofSeconds(2), Duration.ofSeconds(1), -10, false, 2, 2, false);
        return new ScriptSnapshot(settings, status, false, NOW.minusSeconds(1), status == ScriptStatus.GOOD ? 0 : 1);
    }

    public static SyncGroupSnapshot syncGroup(String name, VrrpState state, List<String> members) {
        return new SyncGroupSnapshot(new SyncGroupSettings(1, name, members, NotifySettings.NONE, false, false,
                List.of()), state, NOW.minusSeconds(90), 3);
    }

    /** A small but complete daemon: two instances in a sync group, scripts, two virtual servers. */
    public static StateSnapshot small() {
        List<VrrpInstanceSnapshot> instances = List.of(instance("VI_1", 51, VrrpState.MASTER),
                instance("VI_2", 52, VrrpState.BACKUP));
        List<SyncGroupSnapshot> groups = List.of(syncGroup("SG_1", VrrpState.MASTER, List.of("VI_1", "VI_2")));
        List<ScriptSnapshot> scripts = List.of(script("chk_nginx", ScriptStatus.GOOD),
                script("chk_disk", ScriptStatus.BAD));
        List<VirtualServerSnapshot> vs = List.of(virtualServer("10.0.0.1", 80, 3, 1),
                new VirtualServerSnapshot(virtualServerSettings(2, "fwmark:7", "DR", 20, "10.3.0.1:80"), false, true,
                        false, IpvsStats.NONE, List.of(realServer("fwmark:7", "10.3.0.2", 0, false))),
                new VirtualServerSnapshot(virtualServerSettings(3, "[fd00::10]:443/tcp", "DR", 1, null), true, false,
                        false, IpvsStats.NONE, List.of(realServer("[fd00::10]:443/tcp", "[fd00::11]", 443, true))));
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
