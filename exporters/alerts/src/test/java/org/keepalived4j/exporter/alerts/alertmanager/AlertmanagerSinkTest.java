package org.keepalived4j.exporter.alerts.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/** Alerts into a real Alertmanager (Debian's prometheus-alertmanager 0.25), started on loopback by the test. */
class AlertmanagerSinkTest {

    private static AlertmanagerProcess am;
    private final List<AlertmanagerSink> sinks = new ArrayList<>();
    private int sequence;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        am = AlertmanagerProcess.start();
    }

    @AfterAll
    static void stopAlertmanager() throws Exception {
        if (am != null) {
            am.close();
        }
    }

    @AfterEach
    void closeSinks() {
        sinks.forEach(AlertmanagerSink::close);
    }

    private AlertmanagerSink sink(String url, String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("url " + url));
        all.addAll(List.of(lines));
        return AlertmanagerProcess.sink(sinks, all.toArray(String[]::new));
    }

    private Alert instance(String iname, String from, String to, Instant at) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("iname", iname);
        labels.put("vrid", "51");
        labels.put("interface", "eth0");
        labels.put("reason", to.equals("FAULT") ? "fault" : "fault cleared");
        labels.put("priority", "100");
        labels.put("base_priority", "100");
        String body = to.equals("MASTER") ? "=> VRRP Instance is now owning VRRP VIPs <="
                : "=> VRRP Instance is no longer owning VRRP VIPs <=";
        return new Alert("1700000000000-42-" + ++sequence, at, "lb1", Alert.Kind.VRRP_INSTANCE, iname, from, to,
                "[lb1] VRRP Instance " + iname + " - Entering " + to + " state", body, true, labels);
    }

    private Alert realServer(String rs, boolean up) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("virtual_server", "10.0.0.1:80/tcp");
        labels.put("real_server", rs);
        labels.put("checker", "TCP_CHECK");
        labels.put("weight", up ? "1" : "0");
        return new Alert("1700000000000-42-" + ++sequence, Instant.now(), "lb1", Alert.Kind.REAL_SERVER,
                "[" + rs + "]:tcp:80", up ? "DOWN" : "UP", up ? "UP" : "DOWN",
                "[lb1] Realserver [" + rs + "]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - " + (up ? "UP" : "DOWN"),
                "=> TCP CHECK " + (up ? "succeed" : "failed") + " on service <=", true, labels);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> map(Map<String, Object> alert, String key) {
        return (Map<String, String>) alert.get(key);
    }

    @Test
    void anInstanceInFaultIsActiveWithOurLabelsUntilItsReturnResolvesIt() throws Exception {
        AlertmanagerSink sink = sink(am.url(), "label team sre");
        Map<String, String> id = Map.of("alertname", "KeepalivedVrrpFault", "iname", "VI_FAULT");
        sink.deliver(instance("VI_FAULT", "BACKUP", "FAULT", Instant.now()));
        List<Map<String, Object>> active = am.alerts(id);
        assertThat(active).singleElement().satisfies(a -> {
            assertThat(map(a, "labels")).containsExactlyInAnyOrderEntriesOf(Map.of("alertname",
                    "KeepalivedVrrpFault", "router_id", "lb1", "severity", "critical", "iname", "VI_FAULT",
                    "vrid", "51", "intf", "eth0", "team", "sre"));
            assertThat(map(a, "annotations")).containsEntry("state", "FAULT").containsEntry("previous_state", "BACKUP")
                    .containsEntry("reason", "fault").containsEntry("priority", "100")
                    .containsEntry("summary", "[lb1] VRRP Instance VI_FAULT - Entering FAULT state")
                    .containsEntry("description", "=> VRRP Instance is no longer owning VRRP VIPs <=");
            assertThat(map(a, "status")).containsEntry("state", "active");
            assertThat(Instant.parse((String) a.get("endsAt"))).isAfter(Instant.now());
        });
        // the same alert again (a retry after a lost acknowledgement) is the same Alertmanager alert
        sink.deliver(instance("VI_FAULT", "BACKUP", "FAULT", Instant.now()));
        assertThat(am.alerts(id)).hasSize(1);
        assertThat(sink.firingCount()).isEqualTo(1);

        sink.deliver(instance("VI_FAULT", "FAULT", "BACKUP", Instant.now()));
        // Alertmanager lists no alert whose endsAt has passed: resolved
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> am.alerts(id).isEmpty());
        assertThat(sink.firingCount()).isZero();
    }

    @Test
    void becomingMasterIsAnInfoNoticeThatEndsByItself() throws Exception {
        AlertmanagerSink sink = sink(am.url());
        sink.deliver(instance("VI_MASTER", "BACKUP", "MASTER", Instant.now()));
        assertThat(am.alerts(Map.of("iname", "VI_MASTER"))).singleElement().satisfies(a -> {
            assertThat(map(a, "labels")).containsEntry("alertname", "KeepalivedVrrpBecameMaster")
                    .containsEntry("severity", "info");
            assertThat(map(a, "annotations")).containsEntry("state", "MASTER");
        });
        assertThat(sink.firingCount()).isZero();
        // a notice delivered after its time is over (from a spool backlog) is not shown as active
        sink.deliver(instance("VI_OLD_MASTER", "BACKUP", "MASTER", Instant.now().minus(Duration.ofHours(1))));
        assertThat(am.alerts(Map.of("iname", "VI_OLD_MASTER"))).isEmpty();
    }

    @Test
    void aRealServerDownFiresAndItsReturnResolvesIt() throws Exception {
        AlertmanagerSink sink = sink(am.url());
        Map<String, String> id = Map.of("alertname", "KeepalivedRealServerDown", "real_server", "10.0.0.2:80");
        sink.deliver(realServer("10.0.0.2:80", false));
        assertThat(am.alerts(id)).singleElement().satisfies(a -> {
            assertThat(map(a, "labels")).containsEntry("virtual_server", "10.0.0.1:80/tcp")
                    .containsEntry("severity", "warning").doesNotContainKey("checker");
            assertThat(map(a, "annotations")).containsEntry("checker", "TCP_CHECK").containsEntry("state", "DOWN")
                    .containsEntry("description", "=> TCP CHECK failed on service <=");
        });
        sink.deliver(realServer("10.0.0.2:80", true));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> am.alerts(id).isEmpty());
    }

    @Test
    void textWithQuotesControlCharactersAndNonAsciiArrivesUnchanged() throws Exception {
        AlertmanagerSink sink = sink(am.url(), "label site zürich\"\\");
        String odd = "q\"uote \\back\nnew\ttab \u0001ctl \u007f é 😀 <&> \u2028 end";
        Alert a = instance("VI_TEXT", "BACKUP", "FAULT", Instant.now());
        Alert weird = new Alert(a.id(), a.time(), a.routerId(), a.kind(), a.name(), a.from(), a.to(), odd, a.body(),
                a.mail(), a.labels());
        sink.deliver(weird);
        assertThat(am.alerts(Map.of("iname", "VI_TEXT"))).singleElement().satisfies(x -> {
            assertThat(map(x, "annotations")).containsEntry("summary", odd);
            assertThat(map(x, "labels")).containsEntry("site", "zürich\"\\");
        });
        sink.deliver(instance("VI_TEXT", "FAULT", "BACKUP", Instant.now()));
    }

    @Test
    void aStoppedAlertmanagerFailsTheDeliveryAndARestartedOneGetsWhatStillFiresBack() throws Exception {
        try (AlertmanagerProcess own = AlertmanagerProcess.start()) {
            AlertmanagerSink sink = sink(own.url(), "repost_interval 1", "firing_ttl 60", "timeout 5");
            sink.deliver(instance("VI_RESTART", "BACKUP", "FAULT", Instant.now()));
            own.stopProcess();
            assertThatThrownBy(() -> sink.deliver(instance("VI_OTHER", "BACKUP", "FAULT", Instant.now())))
                    .isInstanceOf(IOException.class).hasMessageContaining(own.url());
            own.startProcess();
            // Alertmanager keeps no alerts across a restart: the re-posts bring back what fires
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> own.alerts(Map.of("iname", "VI_RESTART")).size() == 1);
            sink.deliver(instance("VI_OTHER", "BACKUP", "FAULT", Instant.now()));
            assertThat(own.alerts(Map.of("iname", "VI_OTHER"))).hasSize(1);
        }
    }

    @Test
    void aServerThatNeverAnswersFailsTheDeliveryAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AlertmanagerSink sink = sink("http://127.0.0.1:" + silent.getLocalPort(), "timeout 1",
                    "bearer_token t0ps3cret");
            assertThatThrownBy(() -> sink.deliver(instance("VI_SILENT", "BACKUP", "FAULT", Instant.now())))
                    .isInstanceOf(IOException.class).hasMessageContaining("did not answer")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("t0ps3cret"));
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anErrorAnswerFailsTheDeliveryWithItsStatusAndNoSecret() throws Exception {
        AlertmanagerSink sink = sink(am.url() + "/not-here", "basic_auth ops hunter2");
        assertThatThrownBy(() -> sink.deliver(instance("VI_404", "BACKUP", "FAULT", Instant.now())))
                .isInstanceOf(IOException.class).hasMessageContaining("answered 404")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        assertThat(sink.toString()).doesNotContain("hunter2").contains("basic auth");
    }

    @Test
    void theSecretsAreMaskedByMinusTMinusD() {
        var exporter = new org.keepalived4j.exporter.alerts.AlertsExporter();
        assertThat(exporter.shown(new Setting("basic_auth", List.of("ops", "hunter2"), null, "x:1")))
                .containsExactly(Settings.MASK);
        assertThat(exporter.shown(new Setting("bearer_token", List.of("t0ps3cret"), null, "x:1")))
                .containsExactly(Settings.MASK);
        assertThat(exporter.shown(new Setting("url", List.of("http://127.0.0.1:9093"), null, "x:1")))
                .containsExactly("http://127.0.0.1:9093");
    }
}
