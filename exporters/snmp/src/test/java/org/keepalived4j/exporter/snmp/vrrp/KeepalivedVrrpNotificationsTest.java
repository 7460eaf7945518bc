package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TrackerChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.snmp4j.smi.VariableBinding;

class KeepalivedVrrpNotificationsTest {

    private static final Instant NOW = SampleStates.NOW;

    private final KeepalivedVrrpNotifications source = new KeepalivedVrrpNotifications();

    @Test
    void anInstanceStateChangeCarriesNameStateInitialStateAndRouterIdWithoutIndexes() {
        Notification n = single(changed(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE,
                false), SampleStates.small());

        assertThat(n.trapOid()).hasToString("1.3.6.1.4.1.9586.100.5.2.10.0.2");
        assertThat(describe(n)).containsExactly(
                "1.3.6.1.4.1.9586.100.5.2.3.1.2 = Hex-STRING: 56 49 5F 31",
                "1.3.6.1.4.1.9586.100.5.2.3.1.4 = INTEGER: 2",
                "1.3.6.1.4.1.9586.100.5.2.3.1.5 = INTEGER: 1",
                "1.3.6.1.4.1.9586.100.5.1.2.0 = Hex-STRING: 6C 62 31");
    }

    @ParameterizedTest
    @CsvSource({
        "MASTER, BACKUP, PREEMPTED, false, 1",
        "BACKUP, FAULT, FAULT, false, 3",
        "MASTER, STOP, SHUTDOWN, false, 5",
        "BACKUP, STOP, REMOVED, true, 6",
        "MASTER, STOP, REMOVED, false, 3"})
    void theStateIsKeepalivedsIncludingStopAndDeletion(VrrpState from, VrrpState to, TransitionReason reason,
            boolean notifyDeleted, int code) {
        Notification n = single(changed(from, to, reason, notifyDeleted), SampleStates.small());

        assertThat(n.varbinds().get(1).getVariable().toInt()).isEqualTo(code);
    }

    @Test
    void anInstanceAReloadDeletesInFaultIsNotNotifiedUnlessNotifyDeleted() {
        assertThat(source.notifications(changed(VrrpState.FAULT, VrrpState.STOP, TransitionReason.REMOVED, false),
                SampleStates.small())).isEmpty();
        assertThat(source.notifications(changed(VrrpState.FAULT, VrrpState.STOP, TransitionReason.REMOVED, true),
                SampleStates.small())).hasSize(1);
    }

    @Test
    void aSyncGroupStateChangeCarriesNameStateAndRouterId() {
        SyncGroupStateChanged stop = new SyncGroupStateChanged(SampleStates.syncGroup("SG_1", VrrpState.STOP,
                List.of("VI_1")), VrrpState.MASTER, VrrpState.STOP, TransitionReason.SHUTDOWN, NOW);

        Notification n = single(stop, SampleStates.small());

        assertThat(n.trapOid()).hasToString("1.3.6.1.4.1.9586.100.5.2.10.0.1");
        assertThat(describe(n)).containsExactly(
                "1.3.6.1.4.1.9586.100.5.2.1.1.2 = Hex-STRING: 53 47 5F 31",
                "1.3.6.1.4.1.9586.100.5.2.1.1.3 = INTEGER: 5",
                "1.3.6.1.4.1.9586.100.5.1.2.0 = Hex-STRING: 6C 62 31");
    }

    @Test
    void neitherInitNorARemovedGroupNorOtherEventsAreNotified() {
        StateSnapshot state = SampleStates.small();
        assertThat(source.notifications(new SyncGroupStateChanged(SampleStates.syncGroup("SG_1", VrrpState.STOP,
                List.of()), VrrpState.BACKUP, VrrpState.STOP, TransitionReason.REMOVED, NOW), state)).isEmpty();
        assertThat(source.notifications(new SyncGroupStateChanged(SampleStates.syncGroup("SG_1", VrrpState.INIT,
                List.of()), VrrpState.BACKUP, VrrpState.INIT, TransitionReason.FAULT_CLEARED, NOW), state)).isEmpty();
        assertThat(source.notifications(new TrackerChanged("interface", "eth1", false, NOW), state)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"false, true", "true, false", "false, false"})
    void onlyWithEnableTrapsAndEnableSnmpVrrp(boolean traps, boolean vrrp) {
        GlobalSettings settings = Copy.of(SampleStates.globals()).with("trapsEnabled", traps).with("snmpVrrp", vrrp)
                .get();
        StateSnapshot state = Copy.of(SampleStates.small()).with("daemon",
                Copy.of(SampleStates.daemon()).with("settings", settings).get()).get();

        assertThat(source.notifications(changed(VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.MASTER_NO_RESPONSE, false), state)).isEmpty();
    }

    private Notification single(StateEvent event, StateSnapshot state) {
        List<Notification> all = source.notifications(event, state);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static VrrpStateChanged changed(VrrpState from, VrrpState to, TransitionReason reason, boolean notifyDeleted) {
        VrrpInstanceSnapshot i = SampleStates.instance("VI_1", 51, to);
        NotifySettings n = Copy.of(i.settings().notifyScripts()).with("deletedState", notifyDeleted).get();
        i = new VrrpInstanceSnapshot(Copy.of(i.settings()).with("notifyScripts", n).get(), i.status(), i.counters(),
                i.takeover());
        return new VrrpStateChanged(i, from, to, reason, NOW);
    }

    static List<String> describe(Notification n) {
        return n.varbinds().stream().map(KeepalivedVrrpNotificationsTest::describe).toList();
    }

    private static String describe(VariableBinding vb) {
        return vb.getOid() + " = " + SnmpObjects.value(vb.getVariable());
    }
}
