package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.TestSettings;

class AlertGateTest {

    private final List<String> problems = new ArrayList<>();
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private int seq;

    private AlertGate gate(String sink, String... routeLines) {
        List<AlertRoute> routes = AlertRoute.parse(TestSettings.block("keepalived4j_alerts", routeLines), problems);
        assertThat(problems).isEmpty();
        return new AlertGate(sink, routes);
    }

    private Alert alert(Alert.Kind kind, String name, String from, String to) {
        return new Alert("s-" + (++seq), T0, "lb1", kind, name, from, to, "[lb1] " + name + " - " + to, "=> " + to
                + " <=", true, Map.of("virtual_server", name.startsWith("[") ? name : "-"));
    }

    private Alert vrrp(String name, String from, String to) {
        return alert(Alert.Kind.VRRP_INSTANCE, name, from, to);
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    @Test
    void aSinkNoRouteNamesGetsEveryAlert() {
        AlertGate gate = gate("email", "route {", "sink webhook", "state FAULT", "}");
        for (int i = 0; i < 10; i++) {
            assertThat(gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0)).hasSize(1);
        }
        assertThat(gate.held()).isZero();
    }

    @Test
    void aRoutedSinkGetsOnlyWhatItsRoutesMatch() {
        AlertGate gate = gate("webhook", "route {", "sink webhook email", "kind vrrp_instance", "state fault master",
                "name VI_1", "}", "route {", "sink webhook", "virtual_server [10.0.0.1]:tcp:80", "}");
        assertThat(gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0)).hasSize(1);
        assertThat(gate.admit(vrrp("VI_1", "MASTER", "BACKUP"), T0)).isEmpty();
        assertThat(gate.admit(vrrp("VI_2", "BACKUP", "FAULT"), T0)).isEmpty();
        assertThat(gate.admit(alert(Alert.Kind.SYNC_GROUP, "VI_1", "BACKUP", "FAULT"), T0)).isEmpty();
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.1]:tcp:80", "UP", "DOWN"), T0)).hasSize(1);
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.9]:tcp:80", "UP", "DOWN"), T0)).isEmpty();
        // not routed is not held back: the sink was never meant to get them
        assertThat(gate.held()).isZero();
    }

    @Test
    void dedupeDropsOnlyTheSameChangeOfTheSameObjectAgainWithinTheWindow() {
        AlertGate gate = gate("email", "route {", "sink email", "dedupe 300", "}");
        Alert down = alert(Alert.Kind.REAL_SERVER, "[10.0.0.2]:tcp:80", "UP", "DOWN");
        assertThat(gate.admit(down, T0)).hasSize(1);
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.2]:tcp:80", "UP", "DOWN"), T0.plusSeconds(10)))
                .isEmpty();
        // another object, the same change: sent
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.3]:tcp:80", "UP", "DOWN"), T0.plusSeconds(11)))
                .hasSize(1);
        // back and forth is not a repeat: each change is sent, so the sink never keeps a state that was left
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.2]:tcp:80", "DOWN", "UP"), T0.plusSeconds(12)))
                .hasSize(1);
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.2]:tcp:80", "UP", "DOWN"), T0.plusSeconds(13)))
                .hasSize(1);
        // after the window the repeat goes out again
        assertThat(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0.2]:tcp:80", "UP", "DOWN"), T0.plusSeconds(400)))
                .hasSize(1);
        assertThat(gate.held()).isEqualTo(1);
    }

    @Test
    void flapDampingSendsTheFirstAlertsThenOneSummaryWithTheLastState() {
        AlertGate gate = gate("email", "route {", "sink email", "flap_damping 3 60", "}");
        List<Alert> out = new ArrayList<>();
        String[] states = {"BACKUP", "MASTER"};
        for (int i = 0; i < 10; i++) {
            out.addAll(gate.admit(vrrp("VI_1", states[i % 2], states[(i + 1) % 2]), T0.plusSeconds(i)));
        }
        // another instance is not damped by VI_1's flapping
        out.addAll(gate.admit(vrrp("VI_2", "BACKUP", "MASTER"), T0.plusSeconds(10)));
        assertThat(ids(out)).containsExactly("s-1", "s-2", "s-3", "s-11");
        assertThat(gate.held()).isEqualTo(7);
        assertThat(gate.due(T0.plusSeconds(59))).isEmpty();
        List<Alert> summary = gate.due(T0.plusSeconds(60));
        assertThat(summary).hasSize(1);
        Alert s = summary.get(0);
        assertThat(s.id()).isEqualTo("s-10-summary");
        assertThat(s.name()).isEqualTo("VI_1");
        assertThat(s.from()).isEqualTo("MASTER"); // the first held back: s-4, MASTER -> BACKUP
        assertThat(s.to()).isEqualTo("BACKUP"); // the last: s-10, MASTER -> BACKUP
        assertThat(s.labels()).containsEntry("held_back", "7").containsEntry("window_seconds", "60");
        assertThat(s.subject()).contains("VI_1").contains("7 alerts held back by flap damping within 60 s");
        assertThat(s.mail()).isTrue();
        assertThat(gate.due(T0.plusSeconds(120))).isEmpty();
        // a new window: the next alerts go out again
        assertThat(gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0.plusSeconds(130))).hasSize(1);
    }

    @Test
    void anAlertAfterTheWindowComesAfterItsSummary() {
        AlertGate gate = gate("email", "route {", "sink email", "flap_damping 1 60", "}");
        gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0);
        assertThat(gate.admit(vrrp("VI_1", "MASTER", "BACKUP"), T0.plusSeconds(1))).isEmpty();
        List<Alert> out = gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0.plusSeconds(61));
        assertThat(ids(out)).containsExactly("s-2-summary", "s-3");
    }

    @Test
    void theRateLimitCountsTheWholeSinkAndSumsUpTheRest() {
        AlertGate gate = gate("webhook", "route {", "sink webhook", "rate_limit 2 10", "}");
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.addAll(gate.admit(alert(Alert.Kind.REAL_SERVER, "[10.0.0." + i + "]:tcp:80", "UP", "DOWN"), T0));
        }
        assertThat(ids(out)).containsExactly("s-1", "s-2");
        List<Alert> summary = gate.flush(T0.plusSeconds(1));
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0).labels()).containsEntry("held_back", "3").containsEntry("objects", "3");
        assertThat(summary.get(0).body()).contains("3 objects").contains("[10.0.0.4]:tcp:80 now DOWN");
        assertThat(gate.flush(T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void theFirstMatchingRouteDecides() {
        AlertGate gate = gate("email", "route {", "sink email", "state FAULT", "}", "route {", "sink email",
                "flap_damping 1 60", "}");
        for (int i = 0; i < 3; i++) {
            assertThat(gate.admit(vrrp("VI_1", "MASTER", "FAULT"), T0.plusSeconds(i))).hasSize(1);
        }
        assertThat(gate.admit(vrrp("VI_1", "FAULT", "BACKUP"), T0.plusSeconds(4))).hasSize(1);
        assertThat(gate.admit(vrrp("VI_1", "BACKUP", "MASTER"), T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void badRoutesAreNamedByTheirLine() {
        List<AlertRoute> routes = AlertRoute.parse(TestSettings.block("keepalived4j_alerts", "route {",
                "kind vrrp_instance", "}", "route {", "sink email", "kind router", "flap_damping 5", "rate_limit 0 10",
                "colour red", "}"), problems);
        assertThat(routes).hasSize(1);
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).matches(".*:\\d+: a route needs 'sink NAME...': it is left out");
        assertThat(problems).anyMatch(p -> p.matches(".*:\\d+: unknown keyword 'colour' in route"))
                .anyMatch(p -> p.matches(".*:\\d+: unknown kind 'router' .*"))
                .anyMatch(p -> p.matches(".*:\\d+: flap_damping needs COUNT SECONDS .*got '5': ignored"))
                .anyMatch(p -> p.matches(".*:\\d+: rate_limit needs COUNT SECONDS .*got '0 10': ignored"));
    }
}
