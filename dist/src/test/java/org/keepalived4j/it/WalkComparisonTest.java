package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.it.SnmpPeers.Varbind;

class WalkComparisonTest {

    private static final Map<Integer, String> HOST_A = Map.of(1, "lo", 290, "eth0");
    private static final Map<Integer, String> HOST_B = Map.of(1, "lo", 7, "eth0");

    private static Varbind vb(String oid, String type, String value) {
        return new Varbind(oid, type, value);
    }

    @Test
    void interfaceIndexesCompareByTheInterfacesName() {
        WalkComparison.Result r = WalkComparison.compare(
                new WalkComparison.Side("a", List.of(vb(".1.3.6.1.2.1.68.1.3.1.3.290.61", "INTEGER", "2"),
                        vb(".1.3.6.1.4.1.9586.100.5.2.6.1.7.1.1", "INTEGER", "290")), HOST_A),
                new WalkComparison.Side("b", List.of(vb(".1.3.6.1.2.1.68.1.3.1.3.7.61", "INTEGER", "2"),
                        vb(".1.3.6.1.4.1.9586.100.5.2.6.1.7.1.1", "INTEGER", "7")), HOST_B), List.of());
        assertThat(r.unexplained()).isEmpty();
        assertThat(r.left()).isEqualTo(2);
    }

    @Test
    void timingObjectsCompareByTypeAndEverythingElseByValue() {
        WalkComparison.Result r = WalkComparison.compare(
                new WalkComparison.Side("a", List.of(vb(".1.3.6.1.2.1.207.1.2.5.1.3.290.62.1", "Counter64", "12"),
                        vb(".1.3.6.1.2.1.207.1.2.5.1.4.290.62.1", "Counter64", "0")), HOST_A),
                new WalkComparison.Side("b", List.of(vb(".1.3.6.1.2.1.207.1.2.5.1.3.7.62.1", "Counter64", "10"),
                        vb(".1.3.6.1.2.1.207.1.2.5.1.4.7.62.1", "Counter64", "1")), HOST_B), List.of());
        assertThat(r.unexplained()).singleElement().asString().startsWith("1.3.6.1.2.1.207.1.2.5.1.4.if:eth0.62.1")
                .contains("a: Counter64: 0", "b: Counter64: 1");
    }

    @Test
    void aNamedRuleExplainsOnlyTheObjectsItConcerns() {
        WalkComparison.Rule version = new WalkComparison.Rule("version", WalkComparison.under("1.3.6.1.4.1.9586.100.5.1.1"));
        WalkComparison.Result r = WalkComparison.compare(
                new WalkComparison.Side("a", List.of(vb(".1.3.6.1.4.1.9586.100.5.1.1.0", "STRING", "\"x\""),
                        vb(".1.3.6.1.4.1.9586.100.5.1.10.0", "INTEGER", "1")), HOST_A),
                new WalkComparison.Side("b", List.of(vb(".1.3.6.1.4.1.9586.100.5.1.1.0", "STRING", "\"y\""),
                        vb(".1.3.6.1.4.1.9586.100.5.1.11.0", "INTEGER", "1")), HOST_B), List.of(version));
        assertThat(r.accepted()).containsExactly(Map.entry("version", 1));
        assertThat(r.unexplained()).hasSize(2).allSatisfy(l -> assertThat(l).contains("(absent)"));
        assertThat(r.report()).contains("UNEXPLAINED 1.3.6.1.4.1.9586.100.5.1.10.0", "accepted (version)");
    }

    @Test
    void readsAWrappedHexStringAsOneValue() {
        SnmpPeers.Output out = new SnmpPeers.Output(0, ".1.3.6.1.4.1.9586.100.5.2.3.1.26.1 = Hex-STRING: 27 2F 75 73 72 2F 62 "
                + "69 6E 2F 65 63 68 6F 27 20 \n27 69 6E 73 74 61 6E 63 65 27 \n.1.3.6.1.4.1.9586.100.5.2.3.1.27.1 = INTEGER: 0\n");
        assertThat(out.varbinds()).containsExactly(
                vb(".1.3.6.1.4.1.9586.100.5.2.3.1.26.1", "Hex-STRING",
                        "27 2F 75 73 72 2F 62 69 6E 2F 65 63 68 6F 27 20 27 69 6E 73 74 61 6E 63 65 27"),
                vb(".1.3.6.1.4.1.9586.100.5.2.3.1.27.1", "INTEGER", "0"));
    }

    @Test
    void readsTablesOfExpectedObjects() {
        Map<String, ExpectedTables.Expected> e = ExpectedTables.parse("# c\ntable t 3.4.1\nindex | 1.1 | 2.1\n"
                + "6 realServerStatus | INTEGER: 1 | -\nscalar 3.6.1.0 lvsSyncDaemonEnabled | INTEGER: 2\n");
        assertThat(e).containsExactly(
                Map.entry(".1.3.6.1.4.1.9586.100.5.3.4.1.6.1.1", new ExpectedTables.Expected("realServerStatus", "INTEGER: 1")),
                Map.entry(".1.3.6.1.4.1.9586.100.5.3.6.1.0", new ExpectedTables.Expected("lvsSyncDaemonEnabled", "INTEGER: 2")));
    }
}
