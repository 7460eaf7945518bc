package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
 * Every query of the common keepalived exporter's published Grafana dashboard returns data when
 * a real Prometheus scrapes keepalived4j with default settings.
 */
class GrafanaDashboardIT {

    private static final String NODE = "lb1";
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+), *(\\w+)\\)");

    private final PrometheusExporter exporter = new PrometheusExporter();

    @AfterEach
    void stop() {
        exporter.close();
    }

    @Test
    void everyDashboardQueryReturnsData(@TempDir Path dir) throws Exception {
        List<String> queries = dashboardQueries();
        assertThat(queries).hasSize(21);
        FakeStateView view = new FakeStateView(SampleStates.small());
        exporter.start(TestExporterContext.of(view, ManagementFactory.getPlatformMBeanServer(),
                TestSettings.block("keepalived4j_prometheus", "listen 127.0.0.1:0")));

        try (PrometheusServer prometheus = new PrometheusServer(dir, "127.0.0.1:" + exporter.port(), NODE)) {
            Map<String, String> empty = new LinkedHashMap<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            do {
                empty.clear();
                for (String q : queries) {
                    String answer = evaluate(prometheus, q.replace("$node", NODE));
                    if (!PrometheusServer.hasData(answer)) {
                        empty.put(q, answer);
                    }
                }
                if (empty.isEmpty()) {
                    break;
                }
                Thread.sleep(1000);
            } while (Instant.now().isBefore(deadline));
            assertThat(empty).as("queries without data; targets: %s", prometheus.targets()).isEmpty();
        }
    }

    private static String evaluate(PrometheusServer prometheus, String query) throws Exception {
        Matcher m = LABEL_VALUES.matcher(query);
        return m.matches() ? prometheus.labelValues(m.group(2), m.group(1)) : prometheus.query(query);
    }

    static List<String> dashboardQueries() throws IOException {
        try (InputStream in = GrafanaDashboardIT.class.getResourceAsStream(
                "/grafana/keepalived-exporter-dashboard-queries.txt")) {
            assertThat(in).as("query list resource").isNotNull();
            List<String> queries = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    queries.add(line.trim());
                }
            }
            return queries;
        }
    }
}
