package org.keepalived4j.exporter.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.JsonReader;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestSettings;

/** Alerts posted to real HTTP and HTTPS receivers on loopback. */
class WebhookSinkTest {

    @TempDir
    Path dir;

    static Alert alert(String id) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("reason", "master no response");
        labels.put("priority", "100");
        labels.put("interface", "eth0 \"uplink\" \\ ünïcode\n2nd line");
        return new Alert(id, Instant.parse("2026-12-07T10:00:00.250Z"), "lb1", Alert.Kind.VRRP_INSTANCE, "VI_1",
                "BACKUP", "MASTER", "[lb1] VRRP Instance VI_1 - Entering MASTER state",
                "=> VRRP Instance is now owning VRRP VIPs <=", true, labels);
    }

    /** The one sink the provider makes from a {@code webhook} block of these lines. */
    static AlertSink sink(String... lines) {
        List<String> all = new ArrayList<>();
        all.add("webhook ops {");
        all.addAll(List.of(lines));
        all.add("}");
        List<String> problems = new ArrayList<>();
        List<AlertSink> sinks = new WebhookSinkProvider().create(SampleStates.globals(),
                TestSettings.block("keepalived4j_alerts", all.toArray(String[]::new)), problems);
        assertThat(problems).isEmpty();
        assertThat(sinks).hasSize(1);
        return sinks.get(0);
    }

    @Test
    void postsOurJsonSchemaWithTheIdempotencyKeyTheHeadersAndBasicAuth() throws Exception {
        try (Receiver receiver = Receiver.http()) {
            AlertSink sink = sink("url " + receiver.url("http", "/hooks/keepalived?team=sre"), "header X-Team sre",
                    "header X-Trace a b c", "basic_auth alerts s3cret");
            assertThat(sink.name()).isEqualTo("webhook-ops");
            sink.deliver(alert("1700000000000-4242-7"));
            Receiver.Request r = receiver.next();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.pathAndQuery()).isEqualTo("/hooks/keepalived?team=sre");
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(r.header("Idempotency-Key")).isEqualTo("1700000000000-4242-7");
            assertThat(r.header("X-Team")).isEqualTo("sre");
            assertThat(r.header("X-Trace")).isEqualTo("a b c");
            assertThat(r.header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("alerts:s3cret".getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> body = JsonReader.object(r.body());
            assertThat(body).containsExactly(Map.entry("schema", "keepalived4j.alert/v1"),
                    Map.entry("id", "1700000000000-4242-7"), Map.entry("time", "2026-12-07T10:00:00.250Z"),
                    Map.entry("router_id", "lb1"), Map.entry("kind", "vrrp_instance"), Map.entry("name", "VI_1"),
                    Map.entry("from", "BACKUP"), Map.entry("to", "MASTER"),
                    Map.entry("subject", "[lb1] VRRP Instance VI_1 - Entering MASTER state"),
                    Map.entry("body", "=> VRRP Instance is now owning VRRP VIPs <="), Map.entry("mail", true),
                    Map.entry("labels", alert("x").labels()));
            assertThat(SchemaCheck.errors(body, SchemaCheck.webhookSchema())).isEmpty();
        }
    }

    @Test
    void everyJsonBodyFitsThePublishedSchema() throws Exception {
        Map<String, Object> schema = SchemaCheck.webhookSchema();
        assertThat(schema.get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<Alert> alerts = new ArrayList<>();
        for (Alert.Kind kind : Alert.Kind.values()) {
            alerts.add(new Alert("a-" + kind, Instant.parse("2026-01-01T00:00:00Z"), "lb1", kind, "[10.0.0.1]:tcp:80",
                    null, "UP", "[lb1] x", "=> y <=", false, Map.of()));
        }
        // what the daemon never sends but a receiver must still get as valid JSON
        alerts.add(new Alert("a-null", Instant.EPOCH, null, Alert.Kind.SYNC_GROUP, "G\u0000\u2028\ud800", "A", "B",
                null, null, true, Map.of("k\"", "v\\")));
        for (Alert a : alerts) {
            Object body = JsonReader.parse(WebhookFormat.JSON.body(a));
            assertThat(SchemaCheck.errors(body, schema)).as(a.id()).isEmpty();
        }
        // and the check does catch a body that does not fit
        Map<String, Object> wrong = JsonReader.object(WebhookFormat.JSON.body(alerts.get(0)));
        wrong.put("kind", "vrrp");
        wrong.remove("to");
        wrong.put("mail", "yes");
        assertThat(SchemaCheck.errors(wrong, schema)).hasSize(3);
    }

    @Test
    void sendsABearerToken() throws Exception {
        try (Receiver receiver = Receiver.http()) {
            sink("url " + receiver.url("http", "/"), "bearer_token t0k3n").deliver(alert("b-1"));
            assertThat(receiver.next().header("Authorization")).isEqualTo("Bearer t0k3n");
        }
    }

    @Test
    void postsASlackMessage() throws Exception {
        try (Receiver receiver = Receiver.http()) {
            sink("url " + receiver.url("http", "/services/T0/B0/x"), "format slack").deliver(alert("s-1"));
            Map<String, Object> body = JsonReader.object(receiver.next().body());
            assertThat(body).containsOnlyKeys("text");
            assertThat((String) body.get("text")).startsWith("*[lb1] VRRP Instance VI_1 - Entering MASTER state*\n"
                    + "=&gt; VRRP Instance is now owning VRRP VIPs &lt;=\n")
                    .contains("\nstate: BACKUP -&gt; MASTER\n", "\nreason: master no response\n",
                            "\nalert id: s-1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void postsATeamsAdaptiveCard() throws Exception {
        try (Receiver receiver = Receiver.http()) {
            sink("url " + receiver.url("http", "/workflows/x"), "format teams").deliver(alert("t-1"));
            Map<String, Object> body = JsonReader.object(receiver.next().body());
            assertThat(body.get("type")).isEqualTo("message");
            Map<String, Object> attachment = ((List<Map<String, Object>>) body.get("attachments")).get(0);
            assertThat(attachment.get("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
            Map<String, Object> card = (Map<String, Object>) attachment.get("content");
            assertThat(card.get("type")).isEqualTo("AdaptiveCard");
            assertThat(card.get("version")).isEqualTo("1.4");
            List<Map<String, Object>> items = (List<Map<String, Object>>) card.get("body");
            assertThat(items).extracting(i -> i.get("type")).containsExactly("TextBlock", "TextBlock", "FactSet");
            assertThat(items.get(0).get("text")).isEqualTo("[lb1] VRRP Instance VI_1 - Entering MASTER state");
            assertThat(items.get(1).get("text")).isEqualTo("=> VRRP Instance is now owning VRRP VIPs <=");
            assertThat((List<Map<String, Object>>) items.get(2).get("facts"))
                    .contains(Map.of("title", "state", "value", "BACKUP -> MASTER"),
                            Map.of("title", "reason", "value", "master no response"),
                            Map.of("title", "alert id", "value", "t-1"));
        }
    }

    @Test
    void aRefusalThrowsWithTheStatusAndTheStartOfTheAnswerThenTheRetryDelivers() throws Exception {
        String echo = "upstream down, you sent Authorization: Bearer t0k3n; " + "x".repeat(1000);
        try (Receiver receiver = Receiver.http().answering(new Receiver.Answer(500, echo))) {
            AlertSink sink = sink("url " + receiver.url("http", "/hooks/S3CR3TPATH"), "bearer_token t0k3n");
            assertThatThrownBy(() -> sink.deliver(alert("r-1")))
                    .hasMessageStartingWith("POST http://127.0.0.1:")
                    .hasMessageContaining("HTTP 500: upstream down")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("t0k3n").doesNotContain("S3CR3TPATH")
                            .hasSizeLessThan(WebhookSink.ERROR_BODY_CHARS + 60));
            sink.deliver(alert("r-1"));
            assertThat(receiver.next().header("Idempotency-Key")).isEqualTo("r-1");
            assertThat(receiver.next().header("Idempotency-Key")).isEqualTo("r-1");
        }
    }

    @Test
    void aReceiverThatAcceptsAndNeverAnswersMakesDeliverThrow() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // and never read nor write
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AlertSink sink = sink("url http://127.0.0.1:" + silent.getLocalPort() + "/", "timeout 1");
            // a bound on the test, not a timing assertion: without a request timeout this would hang
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    sink.deliver(alert("silent-1"));
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            Throwable thrown = outcome.get(120, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(java.io.IOException.class).hasMessageContaining("timed out");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionRefusedThrows() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        AlertSink sink = sink("url http://127.0.0.1:" + port + "/", "timeout 5");
        assertThatThrownBy(() -> sink.deliver(alert("c-1"))).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("POST http://127.0.0.1:" + port + ": ");
    }

    @Test
    void httpsWithASelfMadeCertificateIsTrustedThroughTlsCaOrTlsInsecureOnly() throws Exception {
        Path good = certificate("good", "ip:127.0.0.1");
        Path misnamed = certificate("misnamed", "dns:elsewhere.invalid");
        try (Receiver receiver = Receiver.https(serverTls(good))) {
            String url = "url " + receiver.url("https", "/hook");
            sink(url, "tls_ca " + pem(good)).deliver(alert("h-1"));
            assertThat(receiver.next().header("Idempotency-Key")).isEqualTo("h-1");
            // the JDK's CAs do not know it
            assertThatThrownBy(() -> sink(url).deliver(alert("h-2"))).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("SSLHandshakeException");
            // another CA file does not vouch for it
            assertThatThrownBy(() -> sink(url, "tls_ca " + pem(misnamed)).deliver(alert("h-3")))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("PKIX path");
            sink(url, "tls_insecure").deliver(alert("h-4"));
            assertThat(receiver.next().header("Idempotency-Key")).isEqualTo("h-4");
            assertThat(receiver.received()).isZero();
        }
        try (Receiver receiver = Receiver.https(serverTls(misnamed))) {
            String url = "url " + receiver.url("https", "/hook");
            // trusted, but not for this host name
            assertThatThrownBy(() -> sink(url, "tls_ca " + pem(misnamed)).deliver(alert("h-5")))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("No subject alternative names");
            sink(url, "tls_insecure yes").deliver(alert("h-6"));
            assertThat(receiver.next().header("Idempotency-Key")).isEqualTo("h-6");
        }
    }

    @Test
    void mailOnlyTakesWhatKeepalivedWouldMail() {
        AlertSink all = sink("url http://127.0.0.1:9/");
        AlertSink mailOnly = sink("url http://127.0.0.1:9/", "mail_only");
        Alert mailed = alert("m-1");
        Alert notMailed = new Alert("m-2", mailed.time(), "lb1", mailed.kind(), "VI_1", "MASTER", "MASTER", "s", "b",
                false, Map.of());
        assertThat(all.accepts(mailed)).isTrue();
        assertThat(all.accepts(notMailed)).isTrue();
        assertThat(mailOnly.accepts(mailed)).isTrue();
        assertThat(mailOnly.accepts(notMailed)).isFalse();
    }

    // --- a self-made certificate, made with the JDK's keytool

    private static final String STORE_PASSWORD = "changeit";

    private Path certificate(String alias, String san) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=keepalived4j test " + alias, "-ext", "san=" + san, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
                "-file", pem(store).toString());
        return store;
    }

    private static Path pem(Path store) {
        return store.resolveSibling(store.getFileName().toString().replace(".p12", ".pem"));
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new AssertionError("the JDK's keytool is needed to make a test certificate: not at " + keytool);
        }
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("keytool did not finish");
        }
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    private static SSLContext serverTls(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }
}
