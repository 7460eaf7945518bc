package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.RouteSettings;
import org.keepalived4j.model.RuleSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

/** Routes and rules as keepalived's parsers read their words and its tables show them. */
class RouteAndRuleTablesTest {

    private static final String ROUTE = "1.3.6.1.4.1.9586.100.5.2.7.1";
    private static final String NEXT_HOP = "1.3.6.1.4.1.9586.100.5.2.11.1";
    private static final String RULE = "1.3.6.1.4.1.9586.100.5.2.8.1";
    private static final FakeInterfaces INTERFACES = new FakeInterfaces().with("eth0", 2, "02:00:00:00:00:02")
            .with("eth1", 3, "02:00:00:00:00:03");

    @Test
    void metricsAreShownOnlyWhenGivenWithTheirLocksAndKeepalivedsUnits() {
        Map<String, String> route = routes("10.1.0.0/16 via 10.0.0.254 dev eth1 mtu lock 1400 hoplimit 9 advmss 1300"
                + " rtt 100ms rttvar lock 2s reordering 3 window 1000 cwnd lock 10 ssthresh 20 rto_min 50ms initcwnd 4"
                + " initrwnd 5 features ecn quickack 1 congctl lock cubic realms 3/4 fastopen_no_cookie 1 table 7"
                + " protocol static scope link metric 9 tos 0x10");

        assertThat(route).contains(
                entry(ROUTE + ".5.1.1", "Hex-STRING: 0A 00 00 FE"),
                entry(ROUTE + ".8.1.1", "Gauge32: 9"),
                entry(ROUTE + ".9.1.1", "INTEGER: 2"),
                entry(ROUTE + ".11.1.1", "INTEGER: 3"),
                entry(ROUTE + ".13.1.1", "Gauge32: 7"),
                entry(ROUTE + ".17.1.1", "Gauge32: 16"),
                entry(ROUTE + ".18.1.1", "INTEGER: 19"),
                entry(ROUTE + ".19.1.1", "INTEGER: 1"),
                entry(ROUTE + ".20.1.1", "INTEGER: 1"),
                entry(ROUTE + ".22.1.1", "Gauge32: 1400"),
                entry(ROUTE + ".23.1.1", "INTEGER: 1"),
                entry(ROUTE + ".24.1.1", "Gauge32: 9"),
                entry(ROUTE + ".25.1.1", "Gauge32: 1300"),
                entry(ROUTE + ".26.1.1", "INTEGER: 2"),
                entry(ROUTE + ".27.1.1", "Gauge32: 100"),
                entry(ROUTE + ".28.1.1", "INTEGER: 2"),
                entry(ROUTE + ".29.1.1", "Gauge32: 2000"),
                entry(ROUTE + ".30.1.1", "INTEGER: 1"),
                entry(ROUTE + ".31.1.1", "Gauge32: 3"),
                entry(ROUTE + ".33.1.1", "Gauge32: 1000"),
                entry(ROUTE + ".34.1.1", "Gauge32: 10"),
                entry(ROUTE + ".35.1.1", "INTEGER: 1"),
                entry(ROUTE + ".36.1.1", "Gauge32: 20"),
                entry(ROUTE + ".38.1.1", "Gauge32: 50"),
                entry(ROUTE + ".40.1.1", "Gauge32: 4"),
                entry(ROUTE + ".41.1.1", "Gauge32: 5"),
                entry(ROUTE + ".42.1.1", "Hex-STRING: 63 75 62 69 63"),
                entry(ROUTE + ".44.1.1", "Gauge32: 4"),
                entry(ROUTE + ".45.1.1", "Gauge32: 3"),
                entry(ROUTE + ".55.1.1", "INTEGER: 1"));
    }

    @Test
    void aRouteWithoutOptionsShowsOnlyWhatKeepalivedAlwaysShows() {
        assertThat(routes("10.1.0.0/16 via 10.0.0.254")).containsOnlyKeys(ROUTE + ".2.1.1", ROUTE + ".3.1.1",
                ROUTE + ".4.1.1", ROUTE + ".5.1.1", ROUTE + ".8.1.1", ROUTE + ".9.1.1", ROUTE + ".10.1.1",
                ROUTE + ".13.1.1", ROUTE + ".14.1.1", ROUTE + ".18.1.1", ROUTE + ".19.1.1", ROUTE + ".20.1.1");
    }

    @Test
    void anUntrackedRouteKeepsTheProtocolItWasGivenOrNone() {
        assertThat(routes("10.1.0.0/16 dev eth0 no_track")).doesNotContainKey(ROUTE + ".18.1.1");
        assertThat(routes("10.1.0.0/16 dev eth0 no_track protocol boot")).containsEntry(ROUTE + ".18.1.1",
                "INTEGER: 4");
    }

    @Test
    void typesDefaultRoutesAndIpv6() {
        Map<String, String> r = routes("unreachable default", "inet6 default via fe80::1 dev eth0 pref high",
                "throw 10.2.0.0/16");

        assertThat(r).contains(
                entry(ROUTE + ".2.1.1", "INTEGER: 1"),
                entry(ROUTE + ".3.1.1", "Hex-STRING: 00 00 00 00"),
                entry(ROUTE + ".4.1.1", "Gauge32: 0"),
                entry(ROUTE + ".10.1.1", "INTEGER: 7"),
                entry(ROUTE + ".2.1.2", "INTEGER: 2"),
                entry(ROUTE + ".4.1.2", "Gauge32: 0"),
                entry(ROUTE + ".43.1.2", "INTEGER: 3"),
                entry(ROUTE + ".10.1.3", "INTEGER: 9"));
    }

    @Test
    void nextHopsAreRowsOfTheirOwnAndASingleOneIsTheSecondaryGateway() {
        Map<String, String> r = routes("10.1.0.0/16 nexthop via 10.0.0.1 dev eth0 weight 3 onlink realms 5"
                + " nexthop via 10.0.0.2 dev eth1", "10.3.0.0/16 nexthop via 10.0.0.3");

        assertThat(r).contains(
                entry(ROUTE + ".10.1.1", "INTEGER: 2"),
                entry(ROUTE + ".6.1.2", "Hex-STRING: 0A 00 00 03"),
                entry(NEXT_HOP + ".2.1.1.1", "INTEGER: 1"),
                entry(NEXT_HOP + ".3.1.1.1", "Hex-STRING: 0A 00 00 01"),
                entry(NEXT_HOP + ".4.1.1.1", "INTEGER: 2"),
                entry(NEXT_HOP + ".5.1.1.2", "Hex-STRING: 65 74 68 31"),
                entry(NEXT_HOP + ".6.1.1.1", "Gauge32: 3"),
                entry(NEXT_HOP + ".7.1.1.1", "INTEGER: 1"),
                entry(NEXT_HOP + ".7.1.1.2", "INTEGER: 2"),
                entry(NEXT_HOP + ".8.1.1.1", "Gauge32: 5"),
                entry(NEXT_HOP + ".3.1.2.1", "Hex-STRING: 0A 00 00 03"));
        assertThat(r).doesNotContainKeys(ROUTE + ".6.1.1", NEXT_HOP + ".6.1.1.2", NEXT_HOP + ".9.1.1.1");
    }

    @Test
    void rulesShowTheirSelectorsAndAction() {
        Map<String, String> r = rules(rule(null, "not from 10.0.0.0/8 to 10.9.0.0/16 fwmark 0x10/0xff iif eth0"
                        + " oif eth1 lookup 100 realms 2/3 suppress_prefixlength 0 uidrange 100-200 tunnel-id 4294967297"
                        + " tos 4 priority 10"),
                rule(null, "from all goto 20 preference 5"),
                rule(null, "to fd00::/8 prohibit"),
                rule(null, "l3mdev"));

        assertThat(r).contains(
                entry(RULE + ".2.1.1", "Hex-STRING: 62 6F 74 68"),
                entry(RULE + ".4.1.1", "Hex-STRING: 0A 09 00 00"),
                entry(RULE + ".5.1.1", "Gauge32: 16"),
                entry(RULE + ".6.1.1", "Gauge32: 100"),
                entry(RULE + ".8.1.1", "INTEGER: 1"),
                entry(RULE + ".13.1.1", "Hex-STRING: 0A 00 00 00"),
                entry(RULE + ".14.1.1", "Gauge32: 8"),
                entry(RULE + ".15.1.1", "Gauge32: 4"),
                entry(RULE + ".16.1.1", "Gauge32: 16"),
                entry(RULE + ".17.1.1", "Gauge32: 255"),
                entry(RULE + ".18.1.1", "Gauge32: 3"),
                entry(RULE + ".19.1.1", "Gauge32: 2"),
                entry(RULE + ".20.1.1", "Hex-STRING: 65 74 68 30"),
                entry(RULE + ".21.1.1", "Hex-STRING: 65 74 68 31"),
                entry(RULE + ".23.1.1", "INTEGER: 1"),
                entry(RULE + ".25.1.1", "Gauge32: 10"),
                entry(RULE + ".26.1.1", "Gauge32: 0"),
                entry(RULE + ".28.1.1", "Gauge32: 1"),
                entry(RULE + ".29.1.1", "Gauge32: 1"),
                entry(RULE + ".30.1.1", "Gauge32: 100"),
                entry(RULE + ".31.1.1", "Gauge32: 200"),
                entry(RULE + ".2.1.2", "Hex-STRING: 66 72 6F 6D"),
                entry(RULE + ".14.1.2", "Gauge32: 0"),
                entry(RULE + ".22.1.2", "Gauge32: 20"),
                entry(RULE + ".23.1.2", "INTEGER: 2"),
                entry(RULE + ".3.1.3", "INTEGER: 2"),
                entry(RULE + ".23.1.3", "INTEGER: 8"),
                entry(RULE + ".6.1.4", "Gauge32: 0"),
                entry(RULE + ".32.1.4", "INTEGER: 1"));
        assertThat(r).doesNotContainKeys(RULE + ".6.1.2", RULE + ".24.1.3", RULE + ".32.1.1");
    }

    @Test
    void aRuleWithoutPreferenceGetsKeepalivedsCountingDownFrom16384PerFamily() {
        Map<String, String> r = rules(rule(null, "from 10.0.0.1 table 1"), rule(null, "from fd00::1 table 1"),
                rule(null, "to 10.0.0.2 table 1"), rule(7, "to 10.0.0.3 table 1"));

        assertThat(r).contains(entry(RULE + ".25.1.1", "Gauge32: 16384"), entry(RULE + ".25.1.2", "Gauge32: 16384"),
                entry(RULE + ".25.1.3", "Gauge32: 16383"), entry(RULE + ".25.1.4", "Gauge32: 7"));
    }

    @Test
    void wordsOutOfRangeOrMalformedNeverStopAWalk() {
        assertThat(routes("10.1.0.0/99 metric -1 mtu 99999999999 table x rtt 5e3 realms a/b")).containsEntry(
                ROUTE + ".8.1.1", "Gauge32: 4294967295");
        assertThat(rules(rule(null, "from 10.0.0.1 tunnel-id x uidrange 5 table 0x10 fwmark /"))).containsEntry(
                RULE + ".6.1.1", "Gauge32: 16");
    }

    private static Map<String, String> routes(String... lines) {
        List<RouteSettings> routes = new java.util.ArrayList<>();
        for (String line : lines) {
            routes.add(new RouteSettings(routes.size() + 1, null, null, List.of(line.split(" ")), false));
        }
        Map<String, String> all = collect(Copy.of(SampleStates.settings("VI_1", 1)).with("routes", routes).get());
        Map<String, String> out = SnmpObjects.under(all, ROUTE);
        out.putAll(SnmpObjects.under(all, NEXT_HOP));
        return out;
    }

    private static RuleSettings rule(Integer preference, String line) {
        return new RuleSettings(0, preference, List.of(line.split(" ")), false);
    }

    private static Map<String, String> rules(RuleSettings... rules) {
        return SnmpObjects.under(collect(Copy.of(SampleStates.settings("VI_1", 1)).with("rules", List.of(rules))
                .get()), RULE);
    }

    private static Map<String, String> collect(VrrpInstanceSettings settings) {
        VrrpInstanceSnapshot sample = SampleStates.instance("VI_1", 1, VrrpState.MASTER);
        VrrpInstanceSnapshot instance = new VrrpInstanceSnapshot(settings, sample.status(), sample.counters(), null);
        StateSnapshot state = new StateSnapshot(SampleStates.daemon(), List.of(instance), List.of(), List.of(),
                List.of());
        return SnmpObjects.of(new KeepalivedVrrpSection(INTERFACES), state);
    }
}
