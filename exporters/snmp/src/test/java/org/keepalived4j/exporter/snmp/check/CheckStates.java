package org.keepalived4j.exporter.snmp.check;

import java.time.Duration;
import java.util.List;
import org.keepalived4j.model.CheckerDefaults;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.Forwarding;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.HistogramSnapshot;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerGroupSnapshot.Member;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;

/**
 * A checker configuration with every kind of virtual server (IPv4 and IPv6 address, fwmark, IPv4
 * and IPv6 group), sorry servers, tunnels, scripts and two virtual server groups, as the daemon's
 * snapshot holds it. check-objects.txt lists what KEEPALIVED-MIB shows of it.
 */
final class CheckStates {

    static final Forwarding NAT = new Forwarding("NAT", null, 0, null);
    static final Forwarding DR = new Forwarding("DR", null, 0, null);
    static final CheckerDefaults TUNED = new CheckerDefaults(true, 3, Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofMillis(6500), Duration.ofSeconds(3));
    static final CheckerDefaults PLAIN = new CheckerDefaults(false, null, null, null, Duration.ofSeconds(60),
            Duration.ofSeconds(5));

    private CheckStates() {
    }

    static StateSnapshot rich() {
        return new StateSnapshot(daemon(true, true, "no"), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), groups(), List.of(addressV4(), addressV6(), fwmark(), groupV4(), groupV6()));
    }

    static DaemonSnapshot daemon(boolean traps, boolean checker, String flushOnStop) {
        GlobalSettings g = SampleStates.globals();
        GlobalSettings settings = new GlobalSettings("lb1", g.mail(), traps, false, checker, false, false, null,
                false, false, flushOnStop, null, false, null, false);
        return new DaemonSnapshot("0.1.0-test", "lb1", 4242, SampleStates.NOW, "/etc/keepalived/keepalived.conf",
                SampleStates.NOW, 0, false, null, settings, VrrpRouterCounters.ZERO);
    }

    static VirtualServerSnapshot addressV4() {
        VirtualServerSettings s = new VirtualServerSettings(1, "10.0.0.1:80/tcp", "address", null, 0, "10.0.0.1", false,
                80, "TCP", "rr", List.of(), NAT, "www.example.com", Duration.ofSeconds(300), "255.255.255.0", null,
                true, true, 2, 1,
                new ScriptLine("\"/usr/local/bin/vs_up.sh 10.0.0.1\"", null, null,
                        List.of("/usr/local/bin/vs_up.sh", "10.0.0.1")),
                new ScriptLine("/usr/local/bin/vs_down.sh", null, null), "10.3.0.1:8080", false, true, TUNED, "web", 3,
                true, NAT);
        RealServerSettings up = new RealServerSettings(1, s.key(), "10.0.1.1:8080", "10.0.1.1", false, 8080, 3, NAT,
                100, 10, true, new ScriptLine("\"/bin/up.sh 'two words'\"", null, null, List.of("/bin/up.sh",
                        "two words")), null, true, "app.example.com", TUNED, List.of("HTTP_GET"), "app1");
        RealServerSettings down = new RealServerSettings(2, s.key(), "10.0.1.2:8080", "10.0.1.2", false, 8080, 3, NAT,
                0, 0, true, null, new ScriptLine("</tmp/flag", null, null), false, "www.example.com", TUNED,
                List.of("TCP_CHECK"), null);
        return new VirtualServerSnapshot(s, true, false, false, IpvsStats.NONE,
                List.of(server(up, true, 3, 0, 3), server(down, false, 0, 2, 7)));
    }

    static VirtualServerSnapshot addressV6() {
        VirtualServerSettings s = new VirtualServerSettings(2, "[fd00::10]:443/tcp", "address", null, 0, "fd00::10",
                true, 443, "tcp", "mh", List.of("mh-fallback", "mh-port"), DR, null, Duration.ofSeconds(60), "64",
                null, false, false, 1, 0, null, null, null, false, false, PLAIN, null, 1, false, null);
        RealServerSettings rs = new RealServerSettings(1, s.key(), "[fd00::11]:443", "fd00::11", true, 443, 1, DR, 0, 0,
                false, null, null, true, null, PLAIN, List.of("SSL_GET"), null);
        return new VirtualServerSnapshot(s, true, false, false, IpvsStats.NONE, List.of(server(rs, true, 1, 0, 1)));
    }

    static VirtualServerSnapshot fwmark() {
        Forwarding gue = new Forwarding("TUN", "gue", 6080, "csum");
        VirtualServerSettings s = new VirtualServerSettings(3, "fwmark:7", "fwmark", null, 7, null, false, 0, null,
                "sh", List.of("sh-port", "ops"), gue, null, Duration.ZERO, null, null, false, false, 5, 0, null,
                null, "192.0.2.50:80", false, false, PLAIN, null, 1, false, DR);
        RealServerSettings rs = new RealServerSettings(1, s.key(), "10.0.3.1:0", "10.0.3.1", false, 0, 1,
                new Forwarding("TUN", "gre", 0, "csum"), 0, 0, false, null, null, true, null, PLAIN,
                List.of("PING_CHECK"), null);
        RealServerSettings gueServer = new RealServerSettings(2, s.key(), "10.0.3.2:0", "10.0.3.2", false, 0, 1,
                new Forwarding("TUN", "gue", 6081, "remcsum"), 0, 0, false, null, null, true, null, PLAIN,
                List.of("PING_CHECK"), null);
        return new VirtualServerSnapshot(s, false, true, false, IpvsStats.NONE,
                List.of(server(rs, false, 1, 1, 1), server(gueServer, true, 1, 0, 1)));
    }

    static VirtualServerSnapshot groupV4() {
        VirtualServerSettings s = new VirtualServerSettings(4, "group:grp", "group", "grp", 0, null, false, 0, "udp",
                "wlc", List.of("flag-3"), new Forwarding("TUN", null, 0, null), null, Duration.ofSeconds(120),
                "255.255.0.0", null, false, false, 1, 0, null, null, null, false, false, TUNED, null, 1, false, null);
        RealServerSettings rs = new RealServerSettings(1, s.key(), "10.0.4.1:53", "10.0.4.1", false, 53, 1,
                new Forwarding("TUN", "ipip", 0, "nocsum"), 0, 0, false, null, null, true, null, TUNED,
                List.of("DNS_CHECK"), null);
        return new VirtualServerSnapshot(s, true, false, false, IpvsStats.NONE, List.of(server(rs, true, 1, 0, 1)));
    }

    static VirtualServerSnapshot groupV6() {
        VirtualServerSettings s = new VirtualServerSettings(5, "group:grp6", "group", "grp6", 0, null, true, 0, "sctp",
                "custom", List.of(), NAT, null, Duration.ofSeconds(30), "48", null, false, false, 1, 0, null, null,
                null, false, false, PLAIN, null, 1, false, null);
        RealServerSettings rs = new RealServerSettings(1, s.key(), "[fd00::51]:38412", "fd00::51", true, 38412, 1, NAT,
                0, 0, false, null, null, true, null, PLAIN, List.of("MISC_CHECK"), null);
        return new VirtualServerSnapshot(s, true, false, false, IpvsStats.NONE, List.of(server(rs, true, 1, 0, 1)));
    }

    /** Written address first, marks after: keepalived still numbers the marks first. */
    static List<VirtualServerGroupSnapshot> groups() {
        VirtualServerGroupSnapshot grp = new VirtualServerGroupSnapshot(1, "grp", List.of(
                new Member(1, 0, false, "10.0.1.100", null, 80),
                new Member(2, 9, false, null, null, 0),
                new Member(3, 0, false, "10.0.2.1", "10.0.2.10", 80),
                new Member(4, 0, false, "10.0.5.5", "10.0.5.5", 81)));
        VirtualServerGroupSnapshot grp6 = new VirtualServerGroupSnapshot(2, "grp6", List.of(
                new Member(1, 0, true, "fd00::100", null, 443),
                new Member(2, 0, true, "fd00::1", "fd00::20", 443),
                new Member(3, 10, true, null, null, 0)));
        return List.of(grp, grp6);
    }

    static RealServerSnapshot server(RealServerSettings s, boolean alive, int weight, int failed, int effective) {
        return new RealServerSnapshot(s, alive, weight, failed, 0, null, null, null, HistogramSnapshot.EMPTY,
                IpvsStats.NONE, effective);
    }
}
