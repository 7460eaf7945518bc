package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.http.HttpLimits;
import org.keepalived4j.model.ListenAddress;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

class PrometheusSettingsTest {

    private final List<String> problems = new ArrayList<>();

    private PrometheusSettings parse(String... lines) {
        return PrometheusSettings.parse(TestSettings.block("keepalived4j_prometheus", lines), problems);
    }

    @Test
    void defaultsToEveryAddressOnPort9165WithLegacyNames() {
        PrometheusSettings s = PrometheusSettings.parse(Settings.empty("keepalived4j_prometheus"), problems);
        assertThat(problems).isEmpty();
        assertThat(s.enabled()).isTrue();
        assertThat(s.listen()).isEqualTo(new ListenAddress(null, 9165));
        assertThat(s.tls()).isFalse();
        assertThat(s.basicAuth()).isFalse();
        assertThat(s.legacyMetrics()).isTrue();
    }

    @Test
    void readsListenAddresses() {
        assertThat(parse("listen 127.0.0.1:9200").listen()).isEqualTo(new ListenAddress("127.0.0.1", 9200));
        assertThat(parse("listen [::1]:9200").listen()).isEqualTo(new ListenAddress("::1", 9200));
        assertThat(parse("listen :9300").listen()).isEqualTo(new ListenAddress(null, 9300));
        assertThat(parse("listen *:9301").listen().anyHost()).isTrue();
        assertThat(parse("listen 9400").listen()).isEqualTo(new ListenAddress(null, 9400));
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsBadValuesWithTheirSourceLine() {
        parse("enabled maybe", "listen 127.0.0.1:99999", "listen_port 1", "basic_auth_user prom");
        assertThat(problems).containsExactlyInAnyOrder(
                "test.conf:11: enabled must be yes or no, got 'maybe'",
                "test.conf:12: listen: port must be 1-65535, got 99999",
                "test.conf:13: unknown keyword 'listen_port' in keepalived4j_prometheus",
                "test.conf:10: basic_auth_user and basic_auth_password must be given together");
    }

    @Test
    void boundsWhatOneClientMayCostWithDefaultsAndKeepalivedsSecondsForm() {
        PrometheusSettings defaults = PrometheusSettings.parse(Settings.empty("keepalived4j_prometheus"), problems);
        assertThat(defaults.limits()).isEqualTo(new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(10), 64));
        PrometheusSettings set = parse("request_timeout 2.5", "idle_timeout 30", "write_timeout 0.5",
                "max_connections 8");
        assertThat(set.limits()).isEqualTo(new HttpLimits(Duration.ofMillis(2500), Duration.ofSeconds(30),
                Duration.ofMillis(500), 8));
        assertThat(problems).isEmpty();
        parse("request_timeout 10s", "max_connections 0", "write_timeout 0");
        assertThat(problems).containsExactlyInAnyOrder(
                "test.conf:11: request_timeout must be a number of seconds from 0.1 to 3600, got '10s'",
                "test.conf:12: max_connections must be a whole number from 1 to 10000, got '0'",
                "test.conf:13: write_timeout must be a number of seconds from 0.1 to 3600, got '0'");
    }

    @Test
    void reportsUnreadableTlsFilesAndAMissingHalf() {
        parse("tls_cert /nonexistent/cert.pem");
        assertThat(problems).containsExactlyInAnyOrder(
                "test.conf:11: tls_cert: cannot read /nonexistent/cert.pem",
                "test.conf:10: tls_cert and tls_key must be given together");
    }

    @Test
    void neverShowsThePassword() {
        PrometheusSettings s = parse("basic_auth_user prom", "basic_auth_password s3cr3t-Pa55", "listen x:y:z");
        assertThat(s.toString()).doesNotContain("s3cr3t-Pa55").contains("basic auth as prom");
        assertThat(String.join("\n", problems)).doesNotContain("s3cr3t-Pa55");
        assertThat(new PrometheusExporter().validate(
                TestSettings.block("keepalived4j_prometheus", "basic_auth_password s3cr3t-Pa55 extra")))
                .allSatisfy(p -> assertThat(p).doesNotContain("s3cr3t-Pa55"));
    }

    @Test
    void exporterValidateReportsProblemsWithoutStarting() {
        assertThat(new PrometheusExporter().validate(TestSettings.block("keepalived4j_prometheus", "listen abc")))
                .containsExactly("test.conf:11: listen: port must be a number, got 'abc'");
        assertThat(new PrometheusExporter().validate(TestSettings.block("keepalived4j_prometheus",
                "listen 127.0.0.1:9165", "legacy_metrics no"))).isEmpty();
    }
}
