package org.keepalived4j.exporter.snmp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.global.SnmpWalkText;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

class CheckSectionTest {

    @Test
    void servesEveryTableAsCheckObjectsListsIt() throws IOException {
        SortedMap<OID, Variable> expected = ExpectedObjects.read("check-objects.txt");
        SortedMap<OID, Variable> actual = objects(CheckStates.rich());

        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<OID, Variable> e : expected.entrySet()) {
            assertThat(SnmpWalkText.describe(actual.get(e.getKey()))).as("%s", e.getKey())
                    .isEqualTo(SnmpWalkText.describe(e.getValue()));
        }
    }

    @Test
    void servesNothingWithoutEnableSnmpCheckerOrVirtualServers() {
        StateSnapshot rich = CheckStates.rich();
        StateSnapshot noChecker = new StateSnapshot(CheckStates.daemon(true, false, "no"), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), rich.virtualServerGroups(), rich.virtualServers());

        assertThat(objects(noChecker)).isEmpty();
        assertThat(objects(rich.withVirtualServers(List.of()))).isEmpty();
    }

    @Test
    void cutsStatisticsAsKeepalivedSendsThem() {
        long big = (1L << 32) + 5;
        IpvsStats stats = new IpvsStats(big, big + 1, big + 2, big + 3, big + 4, big + 5, 7, 8, 9, 10, 0, 0, 0);
        VirtualServerSnapshot v = CheckStates.addressV6();
        VirtualServerSnapshot counted = new VirtualServerSnapshot(v.settings(), v.quorumMet(), v.sorryServerActive(),
                true, stats, v.realServers());
        SortedMap<OID, Variable> out = objects(CheckStates.rich().withVirtualServers(List.of(counted)));
        OID row = new OID("1.3.6.1.4.1.9586.100.5.3.3.1");

        assertThat(out.get(instance(row, 27, 2))).isEqualTo(new Gauge32(5));
        assertThat(out.get(instance(row, 28, 2))).isEqualTo(new Counter32(6));
        assertThat(out.get(instance(row, 30, 2))).isEqualTo(new Counter64(big + 3));
        assertThat(out.get(instance(row, 32, 2))).isEqualTo(new Gauge32(10));
        assertThat(out.get(instance(row, 38, 2))).isEqualTo(new Counter64(big));
        assertThat(out.get(instance(row, 41, 2))).isEqualTo(new UnsignedInteger32(10));
        assertThat(out.get(instance(row, 42, 2))).isEqualTo(new UnsignedInteger32(1));
        assertThat(out.get(instance(row, 43, 2))).isEqualTo(new UnsignedInteger32(7));
        assertThat(out.get(instance(row, 44, 2))).isEqualTo(new UnsignedInteger32(0));
    }

    static SortedMap<OID, Variable> objects(StateSnapshot state) {
        SortedMap<OID, Variable> out = new TreeMap<>();
        new CheckSection().collect(state, out);
        return out;
    }

    private static OID instance(OID entry, int column, int index) {
        return new OID(entry).append(column).append(index);
    }
}
