package org.keepalived4j.exporter.snmp.rfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.vrrp.Copy;
import org.keepalived4j.exporter.snmp.vrrp.SnmpObjects;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

class VrrpMibSectionTest {

    private static final String MIB = "1.3.6.1.2.1.68";

    private final VrrpMibSection section = new VrrpMibSection(RfcStates.INTERFACES);

    @Test
    void servesAVrrpv2InstanceAsKeepalivedDoes() {
        Map<String, String> objects = SnmpObjects.of(section, RfcStates.state(RfcStates.v2("VI_1", 51,
                VrrpState.MASTER)));

        assertThat(objects).containsExactly(
                entry(MIB + ".1.1.0", "INTEGER: 2"),
                entry(MIB + ".1.2.0", "INTEGER: 1"),
                entry(MIB + ".1.3.1.2.2.51", "Hex-STRING: 02 00 00 00 00 02"),
                entry(MIB + ".1.3.1.3.2.51", "INTEGER: 3"),
                entry(MIB + ".1.3.1.4.2.51", "INTEGER: 1"),
                entry(MIB + ".1.3.1.5.2.51", "INTEGER: 150"),
                entry(MIB + ".1.3.1.6.2.51", "INTEGER: 1"),
                entry(MIB + ".1.3.1.7.2.51", "IpAddress: 10.1.0.2"),
                entry(MIB + ".1.3.1.8.2.51", "IpAddress: 10.1.0.2"),
                entry(MIB + ".1.3.1.9.2.51", "INTEGER: 2"),
                entry(MIB + ".1.3.1.11.2.51", "INTEGER: 1"),
                entry(MIB + ".1.3.1.12.2.51", "INTEGER: 1"),
                entry(MIB + ".1.3.1.13.2.51", "Timeticks: 0"),
                entry(MIB + ".1.3.1.14.2.51", "INTEGER: 1"),
                entry(MIB + ".1.3.1.15.2.51", "INTEGER: 1"),
                entry(MIB + ".1.4.1.2.2.51.10.0.51.1", "INTEGER: 1"),
                entry(MIB + ".2.1.0", "Counter32: 1"),
                entry(MIB + ".2.2.0", "Counter32: 2"),
                entry(MIB + ".2.3.0", "Counter32: 3"),
                entry(MIB + ".2.4.1.1.2.51", "Counter32: 2"),
                entry(MIB + ".2.4.1.2.2.51", "Counter32: 171"),
                entry(MIB + ".2.4.1.3.2.51", "Counter32: 1"),
                entry(MIB + ".2.4.1.4.2.51", "Counter32: 3"),
                entry(MIB + ".2.4.1.5.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.6.2.51", "Counter32: 1"),
                entry(MIB + ".2.4.1.7.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.8.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.9.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.10.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.11.2.51", "Counter32: 0"),
                entry(MIB + ".2.4.1.12.2.51", "Counter32: 0"));
    }

    @Test
    void showsOnlyVrrpv2InstancesOverIpv4WithAVirtualAddress() {
        VrrpInstanceSnapshot v3 = RfcStates.v3("VI_3", 53, VrrpState.BACKUP);
        VrrpInstanceSnapshot noAddress = SampleStates.withVips(RfcStates.v2("VI_4", 54, VrrpState.BACKUP),
                java.util.List.of());

        Map<String, String> objects = SnmpObjects.of(section, RfcStates.state(RfcStates.v2("VI_2", 52,
                VrrpState.BACKUP), v3, noAddress));

        assertThat(objects.keySet()).filteredOn(oid -> oid.startsWith(MIB + ".1.3.1.3.")).containsExactly(
                MIB + ".1.3.1.3.2.52");
        assertThat(objects).containsEntry(MIB + ".1.3.1.3.2.52", "INTEGER: 2");
    }

    @Test
    void servesNothingWithoutEnableSnmpRfcv2() {
        var off = Copy.of(SampleStates.globals()).with("snmpRfcV2", false).get();

        assertThat(SnmpObjects.of(section, RfcStates.withGlobals(SampleStates.small(), off))).isEmpty();
        assertThat(section.root()).hasToString(MIB);
    }
}
