package org.keepalived4j.exporter.alerts.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.Alert;

class AlertmanagerConditionsTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private final AlertmanagerConditions conditions = new AlertmanagerConditions(Map.of("team", "sre"));

    private static Alert alert(Alert.Kind kind, String from, String to, String body, Map<String, String> labels) {
        return new Alert("1-2-3", AT, "lb1", kind, "x", from, to, "subject", body, false, labels);
    }

    private static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void firingAndResolvedHaveTheSameLabelsSoAlertmanagerSeesOneAlert() {
        Map<String, String> vi = labels("iname", "VI_1", "vrid", "51", "interface", "eth0", "reason", "fault",
                "priority", "100");
        var fault = conditions.of(alert(Alert.Kind.VRRP_INSTANCE, "BACKUP", "FAULT", "b", vi)).get(0);
        var back = conditions.of(alert(Alert.Kind.VRRP_INSTANCE, "FAULT", "BACKUP", "b", vi)).get(0);
        var stop = conditions.of(alert(Alert.Kind.VRRP_INSTANCE, "FAULT", "STOP", "b", vi)).get(0);
        assertThat(fault.firing()).isTrue();
        assertThat(back.firing()).isFalse();
        assertThat(back.endsAt()).isEqualTo(AT);
        assertThat(stop.firing()).isFalse();
        assertThat(back.labels()).isEqualTo(fault.labels()).isEqualTo(stop.labels())
                .containsEntry("intf", "eth0").containsEntry("team", "sre").doesNotContainKeys("reason", "priority");
        assertThat(fault.annotations()).containsEntry("reason", "fault").containsEntry("alert_id", "1-2-3");
    }

    @Test
    void aStopOrAReloadThatRemovesAServerResolvesRatherThanFires() {
        Map<String, String> rs = labels("virtual_server", "vs", "real_server", "10.0.0.2:80", "weight", "0");
        Map<String, String> removed = labels("virtual_server", "vs", "real_server", "10.0.0.2:80", "detail",
                "removed", "weight", "0");
        assertThat(conditions.of(alert(Alert.Kind.REAL_SERVER, "UP", "DOWN", Alert.SHUTTING_DOWN, rs)).get(0)
                .firing()).isFalse();
        assertThat(conditions.of(alert(Alert.Kind.REAL_SERVER, "UP", "DOWN", "=> CHECK failed on service <=",
                removed)).get(0).firing()).isFalse();
        assertThat(conditions.of(alert(Alert.Kind.REAL_SERVER, "UP", "DOWN", "=> TCP CHECK failed on service <=",
                labels("virtual_server", "vs", "real_server", "10.0.0.2:80", "checker", "TCP_CHECK"))).get(0)
                .firing()).isTrue();
        Map<String, String> vs = labels("virtual_server", "vs", "quorum", "2");
        assertThat(conditions.of(alert(Alert.Kind.VIRTUAL_SERVER, "UP", "DOWN", Alert.SHUTTING_DOWN, vs)).get(0)
                .firing()).isFalse();
        var lost = conditions.of(alert(Alert.Kind.VIRTUAL_SERVER, "UP", "DOWN", "=> Lost quorum 2+0=2 <= 1 <=", vs));
        assertThat(lost).singleElement().satisfies(p -> {
            assertThat(p.firing()).isTrue();
            assertThat(p.labels()).containsEntry("alertname", "KeepalivedVirtualServerQuorumLost")
                    .containsEntry("severity", "critical");
        });
    }

    @Test
    void aSyncGroupFaultFiresAndMasterAlsoGivesAShortNotice() {
        List<AlertmanagerConditions.Posting> group = conditions.of(alert(Alert.Kind.SYNC_GROUP, "BACKUP", "FAULT",
                "b", labels("group", "SG_1", "reason", "fault")));
        assertThat(group).singleElement().satisfies(p -> assertThat(p.labels())
                .containsEntry("alertname", "KeepalivedSyncGroupFault").containsEntry("group", "SG_1"));
        List<AlertmanagerConditions.Posting> master = conditions.of(alert(Alert.Kind.VRRP_INSTANCE, "BACKUP",
                "MASTER", "b", labels("iname", "VI_1", "vrid", "51", "interface", "eth0")));
        assertThat(master).hasSize(2);
        assertThat(master.get(0).firing()).isFalse();
        assertThat(master.get(1).labels()).containsEntry("alertname", "KeepalivedVrrpBecameMaster")
                .containsEntry("severity", "info");
        assertThat(master.get(1).endsAt()).isEqualTo(AT.plus(AlertmanagerConditions.NOTICE_TTL));
    }
}
