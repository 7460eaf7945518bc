package org.keepalived4j.exporter.snmp.rfc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.vrrp.Copy;
import org.keepalived4j.exporter.snmp.vrrp.SnmpObjects;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpPacketError;
import org.keepalived4j.model.VrrpPacketRejected;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/** RFC 2787's and RFC 6527's notifications, with their objects as keepalived sends them. */
class RfcNotificationsTest {

    private final VrrpMibNotifications vrrp = new VrrpMibNotifications(RfcStates.INTERFACES);
    private final Vrrpv3MibNotifications vrrpv3 = new Vrrpv3MibNotifications(RfcStates.INTERFACES);

    @Test
    void aVrrpv2InstanceBecomingMasterIsAnnouncedByBothMibs() {
        VrrpInstanceSnapshot v2 = RfcStates.v2("VI_1", 51, VrrpState.MASTER);
        VrrpStateChanged master = new VrrpStateChanged(v2, VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW);

        assertThat(describe(vrrp.notifications(master, RfcStates.state(v2)))).containsExactly(
                "1.3.6.1.2.1.68.0.1: 1.3.6.1.2.1.68.1.3.1.7.2.51 = IpAddress: 10.1.0.2");
        assertThat(describe(vrrpv3.notifications(master, RfcStates.state(v2)))).containsExactly(
                "1.3.6.1.2.1.207.0.1: 1.3.6.1.2.1.207.1.1.1.1.3.2.51.1 = Hex-STRING: 0A 01 00 02, "
                        + "1.3.6.1.2.1.207.1.2.5.1.2.2.51.1 = INTEGER: 3");
    }

    @Test
    void aVrrpv3InstanceIsAnnouncedByVrrpv3MibOnly() {
        VrrpInstanceSnapshot v3 = RfcStates.v3("VI_3", 53, VrrpState.MASTER);
        VrrpStateChanged master = new VrrpStateChanged(v3, VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.MASTER_RELEASED, SampleStates.NOW);

        assertThat(vrrp.notifications(master, RfcStates.state(v3))).isEmpty();
        assertThat(describe(vrrpv3.notifications(master, RfcStates.state(v3)))).containsExactly(
                "1.3.6.1.2.1.207.0.1: 1.3.6.1.2.1.207.1.1.1.1.3.3.53.2 = Hex-STRING: FE 80 00 00 00 00 00 00 00 00 00"
                        + " FF FE 00 00 03, 1.3.6.1.2.1.207.1.2.5.1.2.3.53.2 = INTEGER: 1");
    }

    @ParameterizedTest
    @CsvSource({"MASTER_NO_RESPONSE, 3", "MASTER_RELEASED, 1", "PRIORITY, 2", "STARTUP, 2", "FAULT_CLEARED, 2"})
    void theNewMasterReasonIsKeepalivedsForTheTransitionsReason(TransitionReason reason, int code) {
        VrrpInstanceSnapshot v2 = RfcStates.v2("VI_1", 51, VrrpState.MASTER);
        VrrpStateChanged master = new VrrpStateChanged(v2, VrrpState.BACKUP, VrrpState.MASTER, reason,
                SampleStates.NOW);

        Notification n = vrrpv3.notifications(master, RfcStates.state(v2)).get(0);

        assertThat(n.varbinds().get(1).getVariable().toInt()).isEqualTo(code);
    }

    @Test
    void leavingMasterIsNotANewMaster() {
        VrrpInstanceSnapshot v2 = RfcStates.v2("VI_1", 51, VrrpState.BACKUP);
        VrrpStateChanged backup = new VrrpStateChanged(v2, VrrpState.MASTER, VrrpState.BACKUP,
                TransitionReason.PREEMPTED, SampleStates.NOW);

        assertThat(vrrp.notifications(backup, RfcStates.state(v2))).isEmpty();
        assertThat(vrrpv3.notifications(backup, RfcStates.state(v2))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"INVALID_AUTH_TYPE, 1", "AUTH_TYPE_MISMATCH, 2", "AUTH_FAILURE, 3"})
    void anAuthenticationErrorIsAVrrpTrapAuthFailure(VrrpPacketError error, int type) {
        VrrpInstanceSnapshot v2 = RfcStates.v2("VI_1", 51, VrrpState.BACKUP);
        VrrpPacketRejected rejected = new VrrpPacketRejected(v2, "10.1.0.9", error, SampleStates.NOW);

        assertThat(describe(vrrp.notifications(rejected, RfcStates.state(v2)))).containsExactly(
                "1.3.6.1.2.1.68.0.2: 1.3.6.1.2.1.68.1.5.2.51 = IpAddress: 10.1.0.9, "
                        + "1.3.6.1.2.1.68.1.6.2.51 = INTEGER: " + type);
        assertThat(vrrpv3.notifications(rejected, RfcStates.state(v2))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"IP_TTL, 1", "VERSION, 2", "CHECKSUM, 3"})
    void aProtocolErrorIsAVrrpv3ProtoError(VrrpPacketError error, int reason) {
        VrrpInstanceSnapshot v3 = RfcStates.v3("VI_3", 53, VrrpState.BACKUP);
        VrrpPacketRejected rejected = new VrrpPacketRejected(v3, "fe80::9", error, SampleStates.NOW);

        assertThat(describe(vrrpv3.notifications(rejected, RfcStates.state(v3)))).containsExactly(
                "1.3.6.1.2.1.207.0.2: 1.3.6.1.2.1.207.1.2.5.1.6.3.53.2 = INTEGER: " + reason);
        assertThat(vrrp.notifications(rejected, RfcStates.state(v3))).isEmpty();
    }

    @Test
    void eachMibSendsOnlyWithEnableTrapsAndItsOwnKeyword() {
        VrrpInstanceSnapshot v2 = RfcStates.v2("VI_1", 51, VrrpState.MASTER);
        VrrpStateChanged master = new VrrpStateChanged(v2, VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW);
        StateSnapshot noTraps = RfcStates.withGlobals(RfcStates.state(v2),
                Copy.of(SampleStates.globals()).with("trapsEnabled", false).get());
        StateSnapshot onlyV3 = RfcStates.withGlobals(RfcStates.state(v2),
                Copy.of(SampleStates.globals()).with("snmpRfcV2", false).get());

        assertThat(vrrp.notifications(master, noTraps)).isEmpty();
        assertThat(vrrpv3.notifications(master, noTraps)).isEmpty();
        assertThat(vrrp.notifications(master, onlyV3)).isEmpty();
        assertThat(vrrpv3.notifications(master, onlyV3)).hasSize(1);
    }

    private static List<String> describe(List<Notification> notifications) {
        return notifications.stream().map(n -> n.trapOid() + ": " + String.join(", ", n.varbinds().stream()
                .map(vb -> vb.getOid() + " = " + SnmpObjects.value(vb.getVariable())).toList())).toList();
    }
}
