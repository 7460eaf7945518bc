package org.keepalived4j.exporter.alerts.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertTls;

/**
 * https and basic auth into a real Alertmanager, its web config (exporter-toolkit) serving a
 * certificate made by openssl.
 */
class AlertmanagerTlsTest {

    /** bcrypt of "hunter2", cost 4 (the cheapest Alertmanager accepts): the test's password, not a secret. */
    private static final String HUNTER2_BCRYPT = "$2b$04$6WhGy58ox0bgo8ePSdFcpeXbxsVNmm64bGaNIV6oLi7YS3Yw9vSiK";
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    static Path certs;
    private static AlertmanagerProcess am;
    private final List<AlertmanagerSink> sinks = new ArrayList<>();

    @BeforeAll
    static void startAlertmanagerWithTlsAndBasicAuth() throws Exception {
        assertThat(Files.isExecutable(OPENSSL)).withFailMessage("%s is missing: install Debian's openssl package",
                OPENSSL).isTrue();
        Process p = new ProcessBuilder(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", certs.resolve("key.pem").toString(), "-out", certs.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true).redirectOutput(certs.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
                .withFailMessage("openssl failed: %s", Files.readString(certs.resolve("openssl.log"))).isTrue();
        String web = "tls_server_config:\n  cert_file: " + certs.resolve("cert.pem") + "\n  key_file: "
                + certs.resolve("key.pem") + "\nbasic_auth_users:\n  ops: " + HUNTER2_BCRYPT + "\n";
        HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(trusting())
                .build();
        am = AlertmanagerProcess.start(web, reader, "https", "Basic "
                + Base64.getEncoder().encodeToString("ops:hunter2".getBytes(StandardCharsets.UTF_8)));
    }

    private static SSLContext trusting() throws Exception {
        return AlertTls.context(certs.resolve("cert.pem"), false);
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

    private AlertmanagerSink sink(String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("url " + am.url(), "timeout 10"));
        all.addAll(List.of(lines));
        return AlertmanagerProcess.sink(sinks, all.toArray(String[]::new));
    }

    private static Alert fault(String iname) {
        return new Alert("1-2-" + iname, Instant.now(), "lb1", Alert.Kind.VRRP_INSTANCE, iname, "BACKUP", "FAULT",
                "[lb1] VRRP Instance " + iname + " - Entering FAULT state",
                "=> VRRP Instance is no longer owning VRRP VIPs <=", true,
                Map.of("iname", iname, "vrid", "7", "interface", "eth0"));
    }

    @Test
    void postsOverHttpsTrustingTlsCaWithBasicAuth() throws Exception {
        sink("tls_ca " + certs.resolve("cert.pem"), "basic_auth ops hunter2").deliver(fault("VI_TLS"));
        assertThat(am.alerts(Map.of("iname", "VI_TLS"))).hasSize(1);
    }

    @Test
    void aWrongPasswordOrAnUntrustedCertificateFailsTheDeliveryWithoutShowingTheSecret() throws Exception {
        AlertmanagerSink wrong = sink("tls_ca " + certs.resolve("cert.pem"), "basic_auth ops wrongpass");
        assertThatThrownBy(() -> wrong.deliver(fault("VI_WRONG"))).hasMessageContaining("answered 401")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wrongpass"));
        // the system's CAs do not know the certificate
        AlertmanagerSink untrusted = sink("basic_auth ops hunter2");
        assertThatThrownBy(() -> untrusted.deliver(fault("VI_UNTRUSTED"))).isInstanceOf(java.io.IOException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain("hunter2"));
        assertThat(am.alerts(Map.of("iname", "VI_WRONG"))).isEmpty();
        assertThat(am.alerts(Map.of("iname", "VI_UNTRUSTED"))).isEmpty();
    }

    @Test
    void tlsInsecureAcceptsTheCertificateWithoutACa() throws Exception {
        sink("tls_insecure", "basic_auth ops hunter2").deliver(fault("VI_INSECURE"));
        assertThat(am.alerts(Map.of("iname", "VI_INSECURE"))).hasSize(1);
    }
}
