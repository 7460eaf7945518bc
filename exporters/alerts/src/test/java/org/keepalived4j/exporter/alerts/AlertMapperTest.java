package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.DaemonStopping;
import org.keepalived4j.model.MasterReceivedLowerPriority;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.PriorityChanged;
import org.keepalived4j.model.TrackerChanged;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

class AlertMapperTest {

    private final List<Alert> alerts = new ArrayList<>();
    private final AlertMapper mapper = new AlertMapper(SampleStates::daemon, alerts::add);

    private void instance(long seq, VrrpState from, VrrpState to) {
        mapper.onEvent(seq, new VrrpStateChanged(SampleStates.instance("VI_1", 51, to), from, to,
                TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW));
    }

    @Test
    void anInstanceMailsAsKeepalivedDoesOncePerStateEntered() {
        instance(1, VrrpState.INIT, VrrpState.BACKUP);
        instance(2, VrrpState.BACKUP, VrrpState.MASTER);
        instance(3, VrrpState.MASTER, VrrpState.MASTER);
        instance(4, VrrpState.MASTER, VrrpState.FAULT);
        instance(5, VrrpState.FAULT, VrrpState.STOP);
        assertThat(alerts).extracting(Alert::subject).containsExactly(
                "[lb1] VRRP Instance VI_1 - Entering BACKUP state",
                "[lb1] VRRP Instance VI_1 - Entering MASTER state",
                "[lb1] VRRP Instance VI_1 - Entering MASTER state",
                "[lb1] VRRP Instance VI_1 - Entering FAULT state",
                "[lb1] VRRP Instance VI_1 - Stopping");
        assertThat(alerts).extracting(Alert::mail).containsExactly(true, true, false, true, false);
        assertThat(alerts).extracting(Alert::body).containsExactly(
                "=> VRRP Instance is no longer owning VRRP VIPs <=",
                "=> VRRP Instance is now owning VRRP VIPs <=",
                "=> VRRP Instance is now owning VRRP VIPs <=",
                "=> VRRP Instance is no longer owning VRRP VIPs <=",
                "=> VRRP Instance stopping <=");
        Alert master = alerts.get(1);
        // the start time and pid of the daemon and the event's number: the same alert, the same id
        assertThat(master.id()).isEqualTo(SampleStates.daemon().started().toEpochMilli() + "-4242-2");
        assertThat(master.labels()).containsEntry("reason", "master no response").containsEntry("vrid", "51")
                .containsEntry("priority", "140");
        assertThat(master.from()).isEqualTo("BACKUP");
    }

    @Test
    void initIsNeverAlerted() {
        instance(1, VrrpState.BACKUP, VrrpState.INIT);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aSyncGroupWithoutSmtpAlertIsAlertedButNotMailed() {
        mapper.onEvent(1, new SyncGroupStateChanged(SampleStates.syncGroup("SG_1", VrrpState.MASTER, List.of("VI_1")),
                VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PRIORITY, SampleStates.NOW));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("[lb1] VRRP Group SG_1 - Entering MASTER state");
            assertThat(a.body()).isEqualTo("=> All VRRP group instances are now in MASTER state <=");
            assertThat(a.mail()).isFalse();
        });
    }

    private static VirtualServerSettings vs(boolean smtpAlert, boolean omega, long quorum, long hysteresis) {
        VirtualServerSettings s = SampleStates.virtualServerSettings(1, "10.0.0.1:80/tcp", "NAT", quorum, null);
        return new VirtualServerSettings(s.index(), s.key(), "address", null, 0, "10.0.0.1", false, 80, "TCP",
                s.scheduler(), s.schedulerFlags(), s.forwarding(), null, s.persistenceTimeout(), null, null, false, omega,
                quorum, hysteresis, null, null, null, false, smtpAlert, s.checkers(), null, 1, false, null);
    }

    @Test
    void aRealServerIsNamedAndDescribedAsKeepalivedMailsIt() {
        VirtualServerSnapshot service = new VirtualServerSnapshot(vs(true, false, 1, 0), true, false, false,
                org.keepalived4j.model.IpvsStats.NONE, List.of());
        RealServerSnapshot rs = SampleStates.realServer("10.0.0.1:80/tcp", "10.2.0.1", 8080, false);
        mapper.onEvent(7, new RealServerStateChanged(rs, service, false, "TCP_CHECK", "connection refused",
                SampleStates.NOW));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo(
                    "[lb1] Realserver [10.2.0.1]:tcp:8080 of virtual server [10.0.0.1]:tcp:80 - DOWN");
            assertThat(a.body()).isEqualTo("=> TCP CHECK failed on service <=");
            assertThat(a.mail()).isFalse(); // the sample real server has no smtp_alert
            assertThat(a.labels()).containsEntry("real_server", "10.2.0.1:8080")
                    .containsEntry("virtual_server", "10.0.0.1:80/tcp");
        });
        assertThat(AlertMapper.checkerBody("HTTP_GET", false, "status code 503"))
                .isEqualTo("=> CHECK failed on service : status code 503 <=");
        assertThat(AlertMapper.checkerBody("HTTP_GET", true, null)).isEqualTo("=> CHECK succeed on service <=");
        assertThat(AlertMapper.checkerBody("PING_CHECK", true, null)).isEqualTo("=> ICMP CHECK succeed on service <=");
        assertThat(AlertMapper.checkerBody("DNS_CHECK", false, "x")).isEqualTo("=> DNS_CHECK: failed on service <=");
    }

    @Test
    void aQuorumChangeCarriesKeepalivedsThresholdArithmetic() {
        VirtualServerSnapshot up = new VirtualServerSnapshot(vs(true, false, 3, 1), true, false, false,
                org.keepalived4j.model.IpvsStats.NONE, List.of());
        mapper.onEvent(1, new VirtualServerQuorumChanged(up, true, 4, SampleStates.NOW));
        mapper.onEvent(2, new VirtualServerQuorumChanged(up, false, 1, SampleStates.NOW));
        mapper.onEvent(3, new VirtualServerQuorumChanged(up, false, 0, true, SampleStates.NOW));
        assertThat(alerts).extracting(Alert::subject).containsExactly(
                "[lb1] Virtualserver [10.0.0.1]:tcp:80 - UP", "[lb1] Virtualserver [10.0.0.1]:tcp:80 - DOWN",
                "[lb1] Virtualserver [10.0.0.1]:tcp:80 - DOWN");
        assertThat(alerts).extracting(Alert::body).containsExactly("=> Gained quorum 3+1=4 <= 4 <=",
                "=> Lost quorum 3+1=2 <= 1 <=", "=> Shutting down <=");
        // at shutdown keepalived mails only with omega
        assertThat(alerts).extracting(Alert::mail).containsExactly(true, true, false);
    }

    /** {@code record} with one component replaced (the records' canonical constructors are long). */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value) throws Exception {
        var components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
        }
        return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void priorityChangesAreAlertedOnlyWithNotifyPriorityChangesAsKeepalivedWritesThem() throws Exception {
        VrrpInstanceSnapshot quiet = SampleStates.instance("VI_3", 53, VrrpState.MASTER);
        mapper.onEvent(1, new PriorityChanged(quiet, 210, 200, SampleStates.NOW));
        assertThat(alerts).isEmpty();
        VrrpInstanceSnapshot told = with(quiet, "settings", with(quiet.settings(), "notifyPriorityChanges", true));
        mapper.onEvent(2, new PriorityChanged(told, 210, 200, SampleStates.NOW));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.VRRP_INSTANCE);
            assertThat(a.to()).isEqualTo("MASTER_PRIORITY");
            assertThat(a.labels()).containsEntry("priority", "200").containsEntry("previous_priority", "210");
            assertThat(a.subject()).isEqualTo("[lb1] VRRP Instance VI_3 - priority 200 (was 210)");
            assertThat(a.mail()).isFalse();
        });
        // in FAULT keepalived writes no priority line
        alerts.clear();
        VrrpInstanceSnapshot fault = with(told, "status", with(told.status(), "state", VrrpState.FAULT));
        mapper.onEvent(3, new PriorityChanged(fault, 200, 190, SampleStates.NOW));
        assertThat(alerts).isEmpty();
    }

    @Test
    void aMasterHearingALowerPriorityTrackersReloadsAndTheStopAreAlertedButNeverMailed() {
        VrrpInstanceSnapshot master = SampleStates.instance("VI_1", 51, VrrpState.MASTER);
        mapper.onEvent(1, new MasterReceivedLowerPriority(master, "10.0.0.9", 90, SampleStates.NOW));
        mapper.onEvent(2, new TrackerChanged("file", "tf", false, SampleStates.NOW));
        mapper.onEvent(3, new ConfigReloaded(false, List.of("keepalived.conf:12: unknown keyword"), SampleStates.NOW));
        mapper.onEvent(4, new DaemonStopping(SampleStates.NOW));
        assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.VRRP_INSTANCE, Alert.Kind.TRACKER,
                Alert.Kind.DAEMON, Alert.Kind.DAEMON);
        assertThat(alerts).extracting(Alert::to).containsExactly("MASTER_RX_LOWER_PRI", "DOWN", "RELOAD_REFUSED",
                "STOPPING");
        assertThat(alerts).extracting(Alert::mail).containsOnly(false);
        assertThat(alerts.get(0).labels()).containsEntry("received_priority", "90").containsEntry("source", "10.0.0.9")
                .containsEntry("priority", "140");
        assertThat(alerts.get(1).subject()).isEqualTo("[lb1] Tracked file tf - DOWN");
        assertThat(alerts.get(2).body()).contains("keepalived.conf:12: unknown keyword");
    }
    private static ScriptLine script(String command) {
        return new ScriptLine(command, null, null);
    }

    private static List<String> runs(Alert alert) {
        return alert.scripts().stream().map(r -> r.line().command() + (r.arguments().isEmpty() ? ""
                : " " + String.join(" ", r.arguments()))).toList();
    }

    private static VrrpInstanceSnapshot withScripts(VrrpInstanceSnapshot i, NotifySettings scripts) throws Exception {
        return with(i, "settings", with(i.settings(), "notifyScripts", scripts));
    }

    @Test
    void anInstanceTransitionRunsTheStatesScriptThenNotifyWithItsFourArguments() throws Exception {
        NotifySettings scripts = new NotifySettings(script("/m"), script("/b"), script("/f"), script("/s"), null, false,
                script("/any"), null);
        VrrpInstanceSnapshot vi = withScripts(SampleStates.instance("VI_1", 51, VrrpState.MASTER), scripts);
        mapper.onEvent(1, new VrrpStateChanged(vi, VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW));
        mapper.onEvent(2, new VrrpStateChanged(vi, VrrpState.MASTER, VrrpState.FAULT, TransitionReason.FAULT,
                SampleStates.NOW));
        mapper.onEvent(3, new VrrpStateChanged(vi, VrrpState.FAULT, VrrpState.INIT, TransitionReason.FAULT,
                SampleStates.NOW));
        mapper.onEvent(4, new VrrpStateChanged(vi, VrrpState.FAULT, VrrpState.STOP, TransitionReason.SHUTDOWN,
                SampleStates.NOW));
        assertThat(alerts).hasSize(3);
        assertThat(runs(alerts.get(0))).containsExactly("/m", "/any INSTANCE VI_1 MASTER 140");
        assertThat(runs(alerts.get(1))).containsExactly("/f", "/any INSTANCE VI_1 FAULT 140");
        assertThat(runs(alerts.get(2))).containsExactly("/s", "/any INSTANCE VI_1 STOP 140");
    }

    @Test
    void anInstanceAReloadRemovedIsNotifiedWithItsOwnScriptsAsFaultOrDeleted() throws Exception {
        VrrpInstanceSnapshot one = withScripts(SampleStates.instance("VI_1", 51, VrrpState.STOP),
                new NotifySettings(null, null, script("/fault"), null, null, false, script("/any"), null));
        VrrpInstanceSnapshot two = withScripts(SampleStates.instance("VI_2", 52, VrrpState.STOP),
                new NotifySettings(null, null, script("/fault"), null, script("/deleted"), true, script("/any"), null));
        mapper.onEvent(1, new VrrpStateChanged(one, VrrpState.BACKUP, VrrpState.STOP, TransitionReason.REMOVED,
                SampleStates.NOW));
        mapper.onEvent(2, new VrrpStateChanged(two, VrrpState.MASTER, VrrpState.STOP, TransitionReason.REMOVED,
                SampleStates.NOW));
        assertThat(runs(alerts.get(0))).containsExactly("/fault", "/any INSTANCE VI_1 FAULT 140");
        assertThat(runs(alerts.get(1))).containsExactly("/deleted", "/any INSTANCE VI_2 DELETED 140");
    }

    @Test
    void aSyncGroupRunsItsScriptsWithPriorityZeroAndAMasterHearingALowerPriorityRunsItsScript() throws Exception {
        var group = SampleStates.syncGroup("SG_1", VrrpState.BACKUP, List.of("VI_1"));
        group = with(group, "settings", with(group.settings(), "notifyScripts",
                new NotifySettings(null, script("/gb"), null, null, null, false, script("/gany"), null)));
        mapper.onEvent(1, new SyncGroupStateChanged(group, VrrpState.MASTER, VrrpState.BACKUP,
                TransitionReason.PRIORITY, SampleStates.NOW));
        VrrpInstanceSnapshot master = withScripts(SampleStates.instance("VI_1", 51, VrrpState.MASTER),
                new NotifySettings(null, null, null, null, null, false, script("/any"), script("/lower")));
        mapper.onEvent(2, new MasterReceivedLowerPriority(master, "10.0.0.9", 90, SampleStates.NOW));
        assertThat(runs(alerts.get(0))).containsExactly("/gb", "/gany GROUP SG_1 BACKUP 0");
        assertThat(runs(alerts.get(1))).containsExactly("/lower");
    }

    @Test
    void realServerAndQuorumScriptsRunAsWrittenAndAtAStopOnlyWithOmega() throws Exception {
        for (boolean omega : new boolean[] {false, true}) {
            alerts.clear();
            VirtualServerSettings settings = with(with(vs(false, omega, 1, 0), "quorumUp", script("/qup")),
                    "quorumDown", script("/qdown"));
            RealServerSnapshot rs = SampleStates.realServer("10.0.0.1:80/tcp", "10.2.0.1", 8080, false);
            rs = with(rs, "settings", with(with(rs.settings(), "notifyUp", script("/rsup")), "notifyDown",
                    script("/rsdown")));
            VirtualServerSnapshot service = new VirtualServerSnapshot(settings, true, false, false,
                    org.keepalived4j.model.IpvsStats.NONE, List.of(rs));
            mapper.onEvent(1, new RealServerStateChanged(rs, service, false, "TCP_CHECK", "refused", SampleStates.NOW));
            mapper.onEvent(2, new VirtualServerQuorumChanged(service, false, 0, SampleStates.NOW));
            mapper.onEvent(3, new VirtualServerQuorumChanged(service, true, 1, SampleStates.NOW));
            mapper.onEvent(4, new RealServerStateChanged(rs, service, false, null, "shutting down", true,
                    SampleStates.NOW));
            mapper.onEvent(5, new VirtualServerQuorumChanged(service, false, 0, true, SampleStates.NOW));
            assertThat(alerts).hasSize(5);
            assertThat(alerts.subList(0, 3)).extracting(AlertMapperTest::runs).containsExactly(List.of("/rsdown"),
                    List.of("/qdown"), List.of("/qup"));
            assertThat(alerts.subList(3, 5)).extracting(AlertMapperTest::runs).containsExactly(
                    omega ? List.of("/rsdown") : List.of(), omega ? List.of("/qdown") : List.of());
        }
    }
}
