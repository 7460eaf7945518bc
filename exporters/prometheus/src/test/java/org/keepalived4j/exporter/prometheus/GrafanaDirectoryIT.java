package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

/**
 * What the project's grafana/ directory ships works against a real Prometheus scraping
 * keepalived4j: every query of the dashboard returns data, the alerting rules pass promtool's
 * checks and their unit tests, and the rules raise exactly the alerts the sample state calls for.
 */
class GrafanaDirectoryIT {

    private static final Pattern EXPR = Pattern.compile("\"(?:expr|definition)\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    private final PrometheusExporter exporter = new PrometheusExporter();
    private javax.management.ObjectName sinkBean;

    @AfterEach
    void stop() throws Exception {
        exporter.close();
        if (sinkBean != null) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(sinkBean);
        }
    }

    /** The checkout's grafana/ directory (tests run in a module directory below it). */
    static Path grafana() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("grafana/dashboards")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("grafana");
            }
        }
        throw new AssertionError("no grafana/ directory above " + Path.of("").toAbsolutePath());
    }

    static List<String> dashboardQueries(Path dashboard) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = EXPR.matcher(Files.readString(dashboard));
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }

    private void startExporter() throws Exception {
        // an alert sink, as the alerts exporter registers one, for the dashboard's alert sink panels
        sinkBean = AlertSinkBeans.register(ManagementFactory.getPlatformMBeanServer(), "email",
                new AlertSinkBeans.Sink(3, 1, 2, "connection refused"));
        exporter.start(TestExporterContext.of(new FakeStateView(SampleStates.small()),
                ManagementFactory.getPlatformMBeanServer(),
                TestSettings.block("keepalived4j_prometheus", "listen 127.0.0.1:0")));
    }

    @Test
    void alertingRulesPassPromtoolAndTheirUnitTests() throws Exception {
        Path promtool = ExternalProcess.require("/usr/bin/promtool");
        Path alerts = grafana().resolve("alerts");
        ExternalProcess.Result check = ExternalProcess.run(List.of(promtool.toString(), "check", "rules",
                alerts.resolve("keepalived4j.rules.yml").toString()), new byte[0]);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 12 rules found");
        ExternalProcess.Result test = ExternalProcess.run(List.of(promtool.toString(), "test", "rules",
                alerts.resolve("keepalived4j.rules.test.yml").toString()), new byte[0]);
        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void everyQueryOfTheDashboardReturnsDataAndTheRulesRaiseTheExpectedAlerts(@TempDir Path dir) throws Exception {
        List<String> queries = dashboardQueries(grafana().resolve("dashboards/keepalived4j.json"));
        assertThat(queries).hasSize(36).contains("label_values(keepalived_up, instance)");
        startExporter();
        try (PrometheusServer prometheus = new PrometheusServer(dir, "127.0.0.1:" + exporter.port(), "lb1",
                List.of(grafana().resolve("alerts/keepalived4j.rules.yml")))) {
            Map<String, String> empty = new LinkedHashMap<>();
            String alerts = "";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            do {
                empty.clear();
                for (String q : queries) {
                    String answer = q.startsWith("label_values(") ? prometheus.labelValues("instance", "keepalived_up")
                            : prometheus.query(q.replace("$instance", ".+"));
                    if (!PrometheusServer.hasData(answer)) {
                        empty.put(q, answer);
                    }
                }
                alerts = prometheus.alerts();
                if (empty.isEmpty() && alerts.contains("KeepalivedVrrpNoMaster")) {
                    break;
                }
                Thread.sleep(1000);
            } while (Instant.now().isBefore(deadline));
            assertThat(empty).as("dashboard queries without data; targets: %s", prometheus.targets()).isEmpty();

            // The sample: one real server of 10.0.0.1:80 and the only one of fwmark:7 down (its
            // quorum lost), chk_disk BAD, VI_2 (VRID 52) BACKUP with no master anywhere, the last
            // reload refused.
            assertThat(alerts).contains("\"alertname\":\"KeepalivedRealServerDown\"",
                    "\"alertname\":\"KeepalivedConfigReloadRefused\"",
                    "\"alertname\":\"KeepalivedVirtualServerQuorumLost\"", "\"alertname\":\"KeepalivedScriptFailing\"",
                    "\"alertname\":\"KeepalivedVrrpNoMaster\"", "\"vrid\":\"52\"", "\"name\":\"chk_disk\"",
                    "\"virtual_server\":\"fwmark:7\"");
            assertThat(alerts).doesNotContain("KeepalivedVrrpSplitBrain", "KeepalivedVrrpFault", "KeepalivedDown",
                    "\"vrid\":\"51\"", "\"name\":\"chk_nginx\"");
        }
    }
}
