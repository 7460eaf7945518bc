package org.keepalived4j.exporter.snmp.rfc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.vrrp.Copy;
import org.keepalived4j.exporter.snmp.vrrp.SnmpObjects;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpPacketError;
import org.keepalived4j.model.VrrpState;

class Vrrpv3MibSectionTest {

    private static final String MIB = "1.3.6.1.2.1.207";
    /** 12.5 s after the sample daemon loaded its configuration. */
    private static final Clock CLOCK = Clock.fixed(SampleStates.daemon().configLoaded().plusMillis(12_500),
            ZoneOffset.UTC);

    private final Vrrpv3MibSection section = new Vrrpv3MibSection(RfcStates.INTERFACES, CLOCK);

    @Test
    void servesAVrrpv3InstanceAsKeepalivedDoes() {
        VrrpInstanceSnapshot backup = RfcStates.withMasterReason(RfcStates.v3("VI_3", 53, VrrpState.BACKUP),
                TransitionReason.MASTER_RELEASED, VrrpPacketError.CHECKSUM);

        Map<String, String> objects = SnmpObjects.of(section, RfcStates.state(backup));

        String row = ".3.53.2";
        assertThat(objects).contains(
                entry(MIB + ".1.1.1.1.3" + row, "Hex-STRING: FE 80 00 00 00 00 00 00 00 00 00 00 00 00 00 02"),
                entry(MIB + ".1.1.1.1.4" + row, "Hex-STRING: FE 80 00 00 00 00 00 00 00 00 00 FF FE 00 00 03"),
                entry(MIB + ".1.1.1.1.5" + row, "Hex-STRING: 02 00 00 00 00 03"),
                entry(MIB + ".1.1.1.1.6" + row, "INTEGER: 2"),
                entry(MIB + ".1.1.1.1.7" + row, "Gauge32: 150"),
                entry(MIB + ".1.1.1.1.8" + row, "INTEGER: 2"),
                entry(MIB + ".1.1.1.1.9" + row, "INTEGER: 100"),
                entry(MIB + ".1.1.1.1.10" + row, "INTEGER: 1"),
                entry(MIB + ".1.1.1.1.11" + row, "INTEGER: 1"),
                entry(MIB + ".1.1.1.1.12" + row, "Timeticks: 1250"),
                entry(MIB + ".1.1.1.1.13" + row, "INTEGER: 1"),
                entry(MIB + ".1.1.2.1.2" + row + ".253.0.0.0.0.0.0.0.0.0.0.0.0.1.0.1", "INTEGER: 1"),
                entry(MIB + ".1.1.2.1.2" + row + ".254.128.0.0.0.0.0.0.0.0.0.0.0.1.0.1", "INTEGER: 1"),
                entry(MIB + ".1.2.1.0", "Counter64: 1"),
                entry(MIB + ".1.2.4.0", "Timeticks: 0"),
                entry(MIB + ".1.2.5.1.1" + row, "Counter32: 2"),
                entry(MIB + ".1.2.5.1.2" + row, "INTEGER: 1"),
                entry(MIB + ".1.2.5.1.3" + row, "Counter64: 173"),
                entry(MIB + ".1.2.5.1.6" + row, "INTEGER: 3"),
                entry(MIB + ".1.2.5.1.12" + row, "Timeticks: 0"),
                entry(MIB + ".1.2.5.1.13" + row, "Gauge32: 1000"));
    }

    @Test
    void aMasterShowsItsOwnAddressAsTheMasters() {
        Map<String, String> objects = SnmpObjects.of(section, RfcStates.state(RfcStates.v3("VI_3", 53,
                VrrpState.MASTER)));

        assertThat(objects.get(MIB + ".1.1.1.1.3.3.53.2")).isEqualTo(objects.get(MIB + ".1.1.1.1.4.3.53.2"));
    }

    @Test
    void vrrpv2InstancesAreShownTooAndAFaultyInstanceHasNoUpTime() {
        VrrpInstanceSnapshot fault = RfcStates.v2("VI_1", 51, VrrpState.FAULT);

        Map<String, String> objects = SnmpObjects.of(section, RfcStates.state(fault));

        assertThat(objects).contains(entry(MIB + ".1.1.1.1.6.2.51.1", "INTEGER: 1"),
                entry(MIB + ".1.1.1.1.12.2.51.1", "Timeticks: 0"),
                entry(MIB + ".1.1.2.1.2.2.51.1.10.0.51.1", "INTEGER: 1"),
                entry(MIB + ".1.2.5.1.2.2.51.1", "INTEGER: 0"),
                entry(MIB + ".1.2.5.1.6.2.51.1", "INTEGER: 0"));
    }

    @Test
    void aMemberASyncGroupMovedHasTheReasonOfTheMemberThatMovedIt() {
        VrrpInstanceSnapshot mover = RfcStates.withMasterReason(RfcStates.v2("VI_1", 51, VrrpState.MASTER),
                TransitionReason.PRIORITY, null);
        VrrpInstanceSnapshot moved = RfcStates.withMasterReason(RfcStates.v3("VI_3", 53, VrrpState.MASTER),
                TransitionReason.SYNC_GROUP, null);
        SyncGroupSnapshot group = SampleStates.syncGroup("SG", VrrpState.MASTER, List.of("VI_3", "VI_1"));
        StateSnapshot state = new StateSnapshot(SampleStates.daemon(), List.of(mover, moved), List.of(group),
                List.of(), List.of());

        assertThat(SnmpObjects.of(section, state)).contains(entry(MIB + ".1.2.5.1.2.2.51.1", "INTEGER: 2"),
                entry(MIB + ".1.2.5.1.2.3.53.2", "INTEGER: 2"));
    }

    @Test
    void servesNothingWithoutEnableSnmpRfcv3() {
        var off = Copy.of(SampleStates.globals()).with("snmpRfcV3", false).get();

        assertThat(SnmpObjects.of(section, RfcStates.withGlobals(SampleStates.small(), off))).isEmpty();
    }
}
