package org.keepalived4j.exporter.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.HistogramSnapshot;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.ReloadStatus;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpState;

/**
 * The daemon of the golden scrapes (src/test/resources/golden): every VRRP state, objects in
 * no particular order and some repeated (left out of the scrape), label values that need
 * escaping (quotes, backslashes, newlines) or are not ASCII, values that print with an
 * exponent, infinities and NaN, histograms with and without a sum, and alert sinks.
 */
final class GoldenStates {

    /** Names with every character the formats escape, and UTF-8 of two, three and four bytes. */
    static final String ODD = "a \"quoted\" back\\slash\nnew line \u00fcber \u20ac \ud83d\ude00";

    private static final Instant T = Instant.parse("2024-05-01T12:00:00.125Z");

    private GoldenStates() {
    }

    static StateSnapshot state() {
        List<VrrpInstanceSnapshot> instances = List.of(
                instance("VI_web", 51, "eth0", VrrpState.MASTER, VrrpState.MASTER,
                        List.of(vip(1, "10.0.51.1", 24, null, true, true), vip(2, "fd00::33", 64, "eth1", true, true),
                                vip(3, "10.0.51.1", 24, "eth0", true, true), vip(4, "192.168.51.1", 32, null, false,
                                        true)),
                        List.of(new TrackerSnapshot("script", "chk_nginx", true, -10, 0),
                                new TrackerSnapshot("interface", "eth1", false, 0, -20),
                                new TrackerSnapshot("script", "chk_nginx", true, -10, 0)),
                        histogram(List.of(0.0025, 0.01, 0.1, 1.0, 2.5), List.of(0L, 1L, 1L, 3L, 5L, 6L), 7.125)),
                instance(ODD, 255, "bond0.100", VrrpState.BACKUP, VrrpState.MASTER, List.of(),
                        List.of(new TrackerSnapshot("file", ODD, true, 5, 5)), null),
                instance("VI_fault", 7, "eth2", VrrpState.FAULT, VrrpState.BACKUP,
                        List.of(vip(1, "10.0.0.10", 24, null, true, false), vip(2, "10.0.0.9", 8, null, true, true),
                                vip(3, "10.0.0.9", 24, null, true, false), vip(4, "10.0.0.8", 24, "eth3", true, false),
                                vip(5, "10.1.0.1", 32, "eth3", false, false), vip(6, "10.1.0.0", 32, null, false, true)),
                        List.of(), histogram(List.of(1.0E-4, 0.5, 1.0E7), List.of(4L, 2L, 9L, 8L), Double.NaN)),
                instance("VI_init", 1, "eth0", VrrpState.INIT, VrrpState.INIT,
                        List.of(vip(1, "10.0.1.1", 24, null, true, false)), List.of(), null),
                instance("VI_stop", 2, "eth0", VrrpState.STOP, VrrpState.STOP,
                        List.of(vip(1, "10.0.2.1", 24, null, true, false)), List.of(),
                        histogram(List.of(), List.of(0L), 0.0)),
                instance("VI_web", 99, "eth9", VrrpState.BACKUP, VrrpState.BACKUP, List.of(), List.of(), null));
        List<SyncGroupSnapshot> groups = List.of(SampleStates.syncGroup("SG_web", VrrpState.MASTER, List.of("VI_web")),
                SampleStates.syncGroup(ODD, VrrpState.FAULT, List.of("VI_fault")),
                SampleStates.syncGroup("SG_web", VrrpState.BACKUP, List.of()),
                SampleStates.syncGroup("SG_init", VrrpState.INIT, List.of()));
        List<ScriptSnapshot> scripts = List.of(SampleStates.script("chk_nginx", ScriptStatus.GOOD),
                running(SampleStates.script(ODD, ScriptStatus.BAD)), SampleStates.script("chk_disk", ScriptStatus.INIT),
                SampleStates.script("chk_nginx", ScriptStatus.DISABLED));
        String web = "10.0.0.1:80/tcp";
        String v6 = "[fd00::10]:443/tcp";
        String odd = "group:" + ODD;
        List<VirtualServerSnapshot> servers = List.of(
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(1, web, "NAT", 1, null), true, false, false,
                        IpvsStats.NONE, List.of(real(web, "10.2.0.10", 8080, true, 10, 3, true),
                                real(web, "10.2.0.9", 8080, false, 0, 12_345_678_901L, true),
                                real(web, "10.2.0.10", 8080, false, 0, 1, true),
                                real(web, "10.2.0.1", 8080, true, 1, 0, false))),
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(2, "fwmark:7", "DR", 20, "10.3.0.1:80"),
                        false, true, false, IpvsStats.NONE,
                        List.of(real("fwmark:7", "10.2.0.10", 8080, true, 255, 0, true))),
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(3, v6, "DR", 1, null), true, false, false,
                        IpvsStats.NONE, List.of(real(v6, "[fd00::11]", 443, true, 5, 0, true))),
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(4, odd, "NAT", 1, null), true, false, false,
                        IpvsStats.NONE, List.of(real(odd, "10.4.0.1", 80, true, 1, 0, true))),
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(5, web, "NAT", 1, null), false, false,
                        false, IpvsStats.NONE, List.of(real(web, "10.9.9.9", 80, true, 1, 0, true))),
                new VirtualServerSnapshot(SampleStates.virtualServerSettings(6, "fwmark:8", "NAT", 1, null), false,
                        false, false, IpvsStats.NONE, List.of()));
        DaemonSnapshot d = SampleStates.daemon();
        DaemonSnapshot daemon = new DaemonSnapshot(ODD + " 1.2.3", d.routerId(), d.pid(), T, d.configFile(), null,
                12_345_678_901L, true, new ReloadStatus(true, 0, null, null), d.settings(),
                new VrrpRouterCounters(0, 9_007_199_254_740_993L, Long.MAX_VALUE));
        return new StateSnapshot(daemon, instances, groups, scripts, servers);
    }

    /** Alert sinks, one with a name to escape. */
    static MBeanServer alertSinks() throws JMException {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AlertSinkBeans.register(server, "webhook-ops", new AlertSinkBeans.Sink(1, 3, 2, "connection refused"));
        AlertSinkBeans.register(server, ODD, new AlertSinkBeans.Sink(12_345_678, 0, 0, ""));
        AlertSinkBeans.register(server, "email", new AlertSinkBeans.Sink(7, 0, 0, ""));
        return server;
    }

    private static HistogramSnapshot histogram(List<Double> bounds, List<Long> cumulative, double sum) {
        return new HistogramSnapshot(bounds, cumulative, sum);
    }

    private record Vip(AddressSettings settings, boolean installed) {
    }

    private static Vip vip(int index, String value, int prefix, String device, boolean advertised, boolean installed) {
        return new Vip(new AddressSettings(index, value, prefix, value.contains(":"), null, device, null, null, null,
                advertised), installed);
    }

    private static VrrpInstanceSnapshot instance(String name, int vrid, String intf, VrrpState state, VrrpState wanted,
            List<Vip> vips, List<TrackerSnapshot> trackers, HistogramSnapshot takeover) {
        VrrpInstanceSettings s = SampleStates.settings(name, vrid);
        List<AddressSettings> addresses = new ArrayList<>();
        List<Boolean> present = new ArrayList<>();
        for (Vip v : vips) {
            addresses.add(v.settings());
            present.add(v.installed());
        }
        Duration advert = vrid == 7 ? Duration.ofMillis(20) : Duration.ofSeconds(1);
        Duration garp = vrid == 7 ? Duration.ofMillis(1500) : vrid == 255 ? Duration.ofDays(200) : Duration.ofSeconds(5);
        VrrpInstanceSettings settings = new VrrpInstanceSettings(s.index(), name, vrid, intf, 3, s.ipv6(),
                s.initialState(), 100 + vrid % 100, advert, s.preempt(), s.preemptDelay(), s.authType(), garp,
                s.syncGroup(), s.accept(), s.dontTrackPrimary(), s.promoteSecondaries(), s.smtpAlert(),
                s.notifyPriorityChanges(), s.notifyScripts(), s.multicastGroup(), s.unicastSource(), s.unicastPeers(),
                addresses, s.routes(), s.rules(), s.tracked(), s.useLinkbeat());
        List<TransitionCount> transitions = switch (state) {
            case MASTER -> List.of(new TransitionCount(VrrpState.MASTER, TransitionReason.PRIORITY, 1),
                    new TransitionCount(VrrpState.BACKUP, TransitionReason.STARTUP, 1),
                    new TransitionCount(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, 123_456_789),
                    new TransitionCount(VrrpState.BACKUP, TransitionReason.PREEMPTED, 2),
                    new TransitionCount(VrrpState.FAULT, TransitionReason.FAULT, 1),
                    new TransitionCount(VrrpState.BACKUP, TransitionReason.FAULT_CLEARED, 1));
            case FAULT -> List.of(new TransitionCount(VrrpState.FAULT, TransitionReason.FAULT, 1),
                    new TransitionCount(VrrpState.BACKUP, TransitionReason.STARTUP, 1));
            default -> List.of();
        };
        Instant last = state == VrrpState.FAULT ? null : T.minusMillis(vrid * 1001L);
        Duration masterAdvert = state == VrrpState.INIT ? null : advert;
        VrrpInstanceStatus status = new VrrpInstanceStatus(state, wanted, 100 + vrid % 100, 90 + vrid % 100,
                masterAdvert, null, state == VrrpState.INIT ? 0 : 150, "10.1.0.2", last,
                TransitionReason.STARTUP, transitions.size(), transitions, trackers, present);
        long k = vrid;
        VrrpCounters counters = new VrrpCounters(1000 * k, 9_999_999 + k, k, k - 1, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8,
                vrid == 255 ? Long.MAX_VALUE : 10_000_000 * k);
        return new VrrpInstanceSnapshot(settings, status, counters, takeover);
    }

    private static ScriptSnapshot running(ScriptSnapshot s) {
        return new ScriptSnapshot(s.settings(), s.status(), true, s.lastRun(), s.lastExitCode());
    }

    private static RealServerSnapshot real(String vs, String ip, int port, boolean alive, int weight, long failures,
            boolean histogram) {
        RealServerSnapshot r = SampleStates.realServer(vs, ip, port, alive);
        RealServerSettings s = r.settings();
        HistogramSnapshot duration = !histogram ? null : alive
                ? new HistogramSnapshot(List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0),
                        List.of(0L, 5L, 40L, 95L, 99L, 100L, 100L, 100L, 100L), 1.9)
                : new HistogramSnapshot(List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0),
                        List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 3L, 7L), Double.POSITIVE_INFINITY);
        return new RealServerSnapshot(s, alive, weight, r.failedCheckers(), failures, r.lastCheck(),
                r.lastCheckLatency(), r.lastCheckResult(), duration, r.stats());
    }
}
