package org.keepalived4j.exporter.alerts.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

class AlertmanagerSettingsTest {

    private final List<String> problems = new ArrayList<>();

    private AlertmanagerSettings parse(String... lines) {
        Settings block = TestSettings.block("keepalived4j_alerts", lines);
        return AlertmanagerSettings.parse(block.entries().get(0), problems);
    }

    @Test
    void readsEveryKeywordWithTheDefaultsAnOperatorExpects() {
        AlertmanagerSettings s = parse("alertmanager {", "url http://127.0.0.1:9093/", "}");
        assertThat(problems).isEmpty();
        assertThat(s.name()).isEqualTo("alertmanager");
        assertThat(s.alertsUri()).hasToString("http://127.0.0.1:9093/api/v2/alerts");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.firingTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.repostInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.authorization()).isNull();

        AlertmanagerSettings ops = parse("alertmanager ops {", "url https://am.example.com/prefix", "timeout 3",
                "basic_auth ops hunter2", "tls_insecure", "label team sre", "label env prod", "firing_ttl 3600",
                "repost_interval 120", "}");
        assertThat(problems).isEmpty();
        assertThat(ops.name()).isEqualTo("alertmanager-ops");
        assertThat(ops.alertsUri()).hasToString("https://am.example.com/prefix/api/v2/alerts");
        assertThat(ops.authorization()).isEqualTo("Basic b3BzOmh1bnRlcjI=");
        assertThat(ops.tlsInsecure()).isTrue();
        assertThat(ops.extraLabels()).containsExactly(java.util.Map.entry("team", "sre"),
                java.util.Map.entry("env", "prod"));
        assertThat(ops.firingTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(ops.toString()).doesNotContain("hunter2").doesNotContain("b3BzOmh1bnRlcjI=");
        assertThat(parse("alertmanager {", "url http://am:9093", "bearer_token abc.def", "}").authorization())
                .isEqualTo("Bearer abc.def");
    }

    @Test
    void aBlockThatCannotWorkIsLeftOutWithItsLine() {
        assertThat(parse("alertmanager {", "timeout 3", "}")).isNull();
        assertThat(parse("alertmanager {", "url ftp://am:21", "}")).isNull();
        assertThat(parse("alertmanager {", "url http://ops:hunter2@am:9093", "}")).isNull();
        assertThat(parse("alertmanager ../../etc {", "url http://am:9093", "}")).isNull();
        assertThat(problems).hasSize(4).allSatisfy(p -> assertThat(p).startsWith("test.conf:").contains("left out")
                .doesNotContain("hunter2"));
        assertThat(problems.get(0)).contains("needs a url");
    }

    @Test
    void aBadLineIsReportedAndTheRestOfTheBlockStillWorks() {
        AlertmanagerSettings s = parse("alertmanager {", "url http://am:9093", "label 1bad x", "label severity page",
                "label team", "basic_auth onlyuser", "bearer_token", "firing_ttl 30", "repost_interval 60",
                "timeout soon", "colour red", "tls_ca relative.pem", "}");
        assertThat(s).isNotNull();
        assertThat(s.extraLabels()).isEmpty();
        assertThat(s.authorization()).isNull();
        assertThat(s.firingTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tlsCa()).isNull();
        assertThat(problems).allSatisfy(p -> assertThat(p).matches("test\\.conf:\\d+: .*")).anySatisfy(
                p -> assertThat(p).contains("set by keepalived4j")).anySatisfy(
                p -> assertThat(p).contains("unknown keyword 'colour'")).anySatisfy(
                p -> assertThat(p).contains("firing_ttl must be at least twice repost_interval")).anySatisfy(
                p -> assertThat(p).contains("basic_auth needs USER PASSWORD")).anySatisfy(
                p -> assertThat(p).contains("exclude each other")).anySatisfy(
                p -> assertThat(p).contains("timeout must be")).anySatisfy(
                p -> assertThat(p).contains("tls_ca"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("onlyuser"));
    }

    @Test
    void theProviderIsFoundAndMakesOneSinkPerBlockWithDistinctNames() {
        AlertSinkProvider provider = ServiceLoader.load(AlertSinkProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.kind().equals("alertmanager")).findFirst()
                .orElseThrow();
        List<AlertSink> sinks = provider.create(null, TestSettings.block("keepalived4j_alerts",
                "alertmanager {", "url http://127.0.0.1:9093", "}",
                "alertmanager ops {", "url http://127.0.0.1:9094", "}",
                "alertmanager ops {", "url http://127.0.0.1:9095", "}",
                "alertmanager broken {", "}"), problems);
        try {
            assertThat(sinks).extracting(AlertSink::name).containsExactly("alertmanager", "alertmanager-ops");
            assertThat(problems).hasSize(2)
                    .anySatisfy(p -> assertThat(p).contains("second sink named alertmanager-ops"));
        } finally {
            sinks.forEach(AlertSink::close);
        }
    }
}
