package org.keepalived4j.exporter.prometheus;

import org.keepalived4j.model.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

class PrometheusExporterTest {

    private static final String PASSWORD = "Sup3r-s3cret-passw0rd";

    private final FakeStateView view = new FakeStateView(SampleStates.small());
    private final PrometheusExporter exporter = new PrometheusExporter();
    private final Http http = new Http();

    @AfterEach
    void stop() {
        exporter.close();
    }

    private String start(String... lines) throws Exception {
        Settings settings = TestSettings.block("keepalived4j_prometheus", lines);
        exporter.start(TestExporterContext.of(view, ManagementFactory.getPlatformMBeanServer(), settings));
        return "127.0.0.1:" + exporter.port();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Exporter.class).stream().map(p -> p.get().name()))
                .contains("prometheus");
    }

    @Test
    void servesTheTextFormatToPrometheusWithLegacyNames() throws Exception {
        String base = start("listen 127.0.0.1:0");
        HttpResponse<String> r = http.get("http://" + base + "/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                        + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains("keepalived_become_master_total{", "keepalived_become_master{",
                "keepalived_up 1.0");
    }

    @Test
    void servesOpenMetricsToClientsThatAskOnlyForIt() throws Exception {
        String base = start("listen 127.0.0.1:0");
        HttpResponse<String> r = http.get("http://" + base + "/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0");
        assertThat(r.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/openmetrics-text");
        assertThat(r.body()).contains("# TYPE keepalived_become_master counter", "keepalived_become_master_total{")
                .doesNotContain("keepalived_become_master{").endsWith("# EOF\n");
    }

    @Test
    void negotiatesOpenMetricsNormallyWithoutLegacyNames() throws Exception {
        String base = start("listen 127.0.0.1:0", "legacy_metrics no");
        HttpResponse<String> r = http.get("http://" + base + "/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(r.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/openmetrics-text");
        HttpResponse<String> plain = http.get("http://" + base + "/metrics");
        assertThat(plain.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(plain.body()).doesNotContain("keepalived_advert_rcvd");
    }

    @Test
    void leavesOutRealServerHistogramsWhenAsked() throws Exception {
        String base = start("listen 127.0.0.1:0", "real_server_check_histograms no");
        assertThat(http.get("http://" + base + "/metrics").body())
                .contains("keepalived_real_server_up{", "keepalived_vrrp_takeover_seconds_bucket{")
                .doesNotContain("keepalived_real_server_check_duration_seconds");
    }

    @Test
    void compressesWhenTheClientAcceptsGzip() throws Exception {
        String base = start("listen 127.0.0.1:0");
        java.net.http.HttpResponse<byte[]> r = HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://" + base + "/metrics"))
                .header("Accept-Encoding", "gzip").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("keepalived_up 1.0", "keepalived_vrrp_state{");
        }
    }

    @Test
    void answersHealthChecks() throws Exception {
        String base = start("listen 127.0.0.1:0");
        HttpResponse<String> r = http.get("http://" + base + "/-/healthy");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Healthy\n");
        assertThat(http.get("http://" + base + "/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void requiresBasicAuthWhenConfiguredAndNeverRevealsThePassword() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            String base = start("listen 127.0.0.1:0", "basic_auth_user prom", "basic_auth_password " + PASSWORD);
            assertThat(http.get("http://" + base + "/metrics").statusCode()).isEqualTo(401);
            assertThat(http.get("http://" + base + "/-/healthy").statusCode()).isEqualTo(401);
            assertThat(http.get("http://" + base + "/metrics", "Authorization", Http.basic("prom", "wrong"))
                    .statusCode()).isEqualTo(401);
            assertThat(http.get("http://" + base + "/metrics", "Authorization", Http.basic("other", PASSWORD))
                    .statusCode()).isEqualTo(401);
            HttpResponse<String> ok = http.get("http://" + base + "/metrics", "Authorization",
                    Http.basic("prom", PASSWORD));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("keepalived_up 1.0").doesNotContain(PASSWORD);
            exporter.close();
            assertThat(logs.text()).contains("Prometheus endpoint serving").doesNotContain(PASSWORD);
        }
    }

    @Test
    void servesHttpsWithPemFiles(@TempDir Path dir) throws Exception {
        TlsFiles tls = TlsFiles.create(dir);
        String base = start("listen 127.0.0.1:0", "tls_cert " + tls.cert(), "tls_key " + tls.key());
        Http https = new Http(HttpClient.newBuilder().sslContext(tls.clientContext()).build());
        HttpResponse<String> r = https.get("https://" + base + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("keepalived_up 1.0");
        assertThatThrownBy(() -> http.get("https://" + base + "/metrics"))
                .as("a client that does not trust the certificate").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void refusesToStartOnBadSettings() {
        assertThatThrownBy(() -> start("listen nowhere:70000"))
                .hasMessageContaining("test.conf:11: listen: port must be 1-65535");
        assertThat(exporter.port()).isEqualTo(-1);
    }

    @Test
    void staysOffWhenDisabled() throws Exception {
        start("enabled no");
        assertThat(exporter.port()).isEqualTo(-1);
    }
}
