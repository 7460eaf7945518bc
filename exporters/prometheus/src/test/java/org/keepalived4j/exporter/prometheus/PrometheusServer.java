package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Prometheus server (Debian package), on loopback, scraping one target every second. */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final String base;
    private final Path log;
    private final Http http = new Http();

    PrometheusServer(Path dir, String target, String nodeName) throws Exception {
        this(dir, target, nodeName, List.of());
    }

    /** The same, evaluating the alerting rules of {@code ruleFiles} every second. */
    PrometheusServer(Path dir, String target, String nodeName, List<Path> ruleFiles) throws Exception {
        Path binary = ExternalProcess.require("/usr/bin/prometheus");
        int port = ExternalProcess.freePort();
        Path config = dir.resolve("prometheus.yml");
        StringBuilder rules = new StringBuilder();
        for (Path f : ruleFiles) {
            rules.append("  - '").append(f.toAbsolutePath()).append("'\n");
        }
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                ruleFiles.isEmpty() ? "" : "rule_files:\n" + rules,
                "scrape_configs:",
                "  - job_name: keepalived",
                "    static_configs:",
                "      - targets: ['" + target + "']",
                "        labels:",
                "          node_name: '" + nodeName + "'",
                ""));
        log = dir.resolve("prometheus.log");
        process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port;
        awaitReady();
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("prometheus exited: %s", logText()).isTrue();
            try {
                if (http.get(base + "/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready within 60 s: " + logText());
    }

    /** The raw JSON answer of an instant query. */
    String query(String promql) throws Exception {
        return http.get(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).body();
    }

    /** The raw JSON answer of a label-values request restricted to series of {@code match}. */
    String labelValues(String label, String match) throws Exception {
        return http.get(base + "/api/v1/label/" + label + "/values?match[]="
                + URLEncoder.encode(match, StandardCharsets.UTF_8)).body();
    }

    /** Whether a query or label-values answer succeeded with at least one series (or value). */
    static boolean hasData(String json) {
        return json.contains("\"status\":\"success\"") && !json.contains("\"result\":[]")
                && !json.contains("\"data\":[]");
    }

    /** The raw JSON answer listing the active (pending and firing) alerts. */
    String alerts() throws Exception {
        return http.get(base + "/api/v1/alerts").body();
    }

    /** The state of the scrape target, as Prometheus reports it. */
    String targets() throws Exception {
        return http.get(base + "/api/v1/targets").body();
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
