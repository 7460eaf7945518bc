package org.keepalived4j.exporter.jolokia;

import org.keepalived4j.model.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.net.ssl.SSLContext;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.jolokia.json.parser.JSONParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.http.HttpLimits;
import org.keepalived4j.exporter.jmx.JmxExporter;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

class JolokiaExporterTest {

    private static final String PASSWORD = "J0lokia-s3cret";
    private static final String VI_1 = "keepalived:type=VrrpInstance,name=\\\"VI_1\\\"";

    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    private final FakeStateView view = new FakeStateView(SampleStates.small());
    private final JmxExporter jmx = new JmxExporter();
    private final JolokiaExporter jolokia = new JolokiaExporter();

    @BeforeEach
    void startJmx() throws Exception {
        jmx.start(TestExporterContext.of(view, platform, Settings.empty("keepalived4j_jmx")));
    }

    @AfterEach
    void stop() {
        jolokia.close();
        jmx.close();
    }

    private JolokiaClient start(String... lines) throws Exception {
        jolokia.start(TestExporterContext.of(view, platform, TestSettings.block("keepalived4j_jolokia", lines)));
        return new JolokiaClient(jolokia.url());
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Exporter.class).stream().map(p -> p.get().name())).contains("jolokia");
    }

    @Test
    void bindsToLoopbackOnPort8778ByDefault() throws Exception {
        List<String> problems = new ArrayList<>();
        JolokiaSettings defaults = JolokiaSettings.parse(Settings.empty("keepalived4j_jolokia"), problems);
        assertThat(problems).isEmpty();
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8778);
        assertThat(defaults.limits()).isEqualTo(HttpLimits.defaults(16));
        assertThat(JolokiaExporter.agentConfig(defaults, Path.of("/p.xml")))
                .containsEntry("host", "127.0.0.1").containsEntry("port", "8778")
                .containsEntry("policyLocation", "file:/p.xml");
        start("listen 0");
        assertThat(jolokia.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(jolokia.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void readsAnInstanceStateListsAndSearches() throws Exception {
        JolokiaClient client = start("listen 0");
        JSONObject read = client.request("{\"type\":\"read\",\"mbean\":\"" + VI_1 + "\",\"attribute\":\"State\"}");
        assertThat(JolokiaClient.status(read)).as("%s", read).isEqualTo(200);
        assertThat(read.get("value")).isEqualTo("MASTER");

        assertThat(client.get("read/keepalived:type=VrrpInstance,name=%22VI_2%22/State").body())
                .contains("\"value\":\"BACKUP\"");

        JSONObject list = client.request("{\"type\":\"list\",\"path\":\"keepalived\"}");
        assertThat(JolokiaClient.status(list)).isEqualTo(200);
        assertThat(((Map<?, ?>) list.get("value")).keySet().stream().map(String::valueOf))
                .contains("type=VrrpInstance,name=\"VI_1\"", "type=Daemon");

        JSONObject search = client.request("{\"type\":\"search\",\"mbean\":\"keepalived:type=VrrpInstance,*\"}");
        assertThat(JolokiaClient.status(search)).isEqualTo(200);
        assertThat((List<?>) search.get("value")).hasSize(2);

        JSONObject heap = client.request(
                "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}");
        assertThat(JolokiaClient.status(heap)).isEqualTo(200);
        assertThat(JolokiaClient.status(client.request("{\"type\":\"version\"}"))).isEqualTo(200);
    }

    @Test
    void theShippedPolicyRefusesWritesExecsAndOtherMBeans() throws Exception {
        JolokiaClient client = start("listen 0");
        assertThat(JolokiaClient.status(client.request("{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":true}"))).isEqualTo(403);
        assertThat(JolokiaClient.status(client.request("{\"type\":\"write\",\"mbean\":\"" + VI_1 + "\","
                + "\"attribute\":\"State\",\"value\":\"FAULT\"}"))).isEqualTo(403);
        assertThat(JolokiaClient.status(client.request(
                "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}"))).isEqualTo(403);
        assertThat(JolokiaClient.status(client.request("{\"type\":\"exec\",\"mbean\":\"com.sun.management:"
                + "type=DiagnosticCommand\",\"operation\":\"vmSystemProperties\"}"))).isEqualTo(403);
        assertThat(JolokiaClient.status(client.request("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                + "\"attribute\":\"SystemProperties\"}"))).isEqualTo(403);
        assertThat(JolokiaClient.status(client.request("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                + "\"attribute\":\"Uptime\"}"))).isEqualTo(200);
        assertThat(platform.getAttribute(new javax.management.ObjectName("java.lang:type=Memory"), "Verbose"))
                .isEqualTo(false);
    }

    @Test
    void requiresBasicAuthWhenConfiguredAndNeverShowsThePassword() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            start("listen 0", "user admin", "password " + PASSWORD);
            JolokiaClient anonymous = new JolokiaClient(jolokia.url());
            assertThat(anonymous.post("{\"type\":\"version\"}").statusCode()).isEqualTo(401);
            JolokiaClient wrong = new JolokiaClient(HttpClient.newHttpClient(), jolokia.url(), "admin", "nope");
            assertThat(wrong.post("{\"type\":\"version\"}").statusCode()).isEqualTo(401);
            JolokiaClient admin = new JolokiaClient(HttpClient.newHttpClient(), jolokia.url(), "admin", PASSWORD);

            StringBuilder everything = new StringBuilder();
            everything.append(admin.post("{\"type\":\"list\"}").body());
            everything.append(admin.post("{\"type\":\"version\"}").body());
            everything.append(admin.post("{\"type\":\"search\",\"mbean\":\"*:*\"}").body());
            for (String mbean : List.of("keepalived:*", "java.lang:type=Memory", "java.lang:type=Runtime",
                    "java.lang:type=Threading", "java.lang:type=OperatingSystem", "jolokia:*")) {
                everything.append(admin.post("{\"type\":\"read\",\"mbean\":\"" + mbean + "\"}").body());
            }
            assertThat(everything.toString()).contains("VI_1", "MASTER").doesNotContain(PASSWORD);
            jolokia.close();
            assertThat(logs.text()).contains("Jolokia agent serving").doesNotContain(PASSWORD);
        }
    }

    @Test
    void servesHttpsWithPemFiles(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("agent.crt");
        Path key = dir.resolve("agent.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        start("listen 0", "tls_cert " + cert, "tls_key " + key);
        assertThat(jolokia.url()).startsWith("https://127.0.0.1:");
        JolokiaClient https = new JolokiaClient(HttpClient.newBuilder().sslContext(trusting(cert)).build(),
                jolokia.url(), null, null);
        JSONObject read = https.request("{\"type\":\"read\",\"mbean\":\"" + VI_1 + "\",\"attribute\":\"State\"}");
        assertThat(read.get("value")).isEqualTo("MASTER");
        assertThatThrownBy(() -> new JolokiaClient(jolokia.url()).post("{\"type\":\"version\"}"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void refusesNotificationsByGetPostAndInsideBulkRequests() throws Exception {
        JolokiaClient client = start("listen 0");
        assertThat(client.get("notification/register").body()).contains("\"status\":403")
                .doesNotContain("\"id\"");
        assertThat(client.get("?p=/notification/register").body()).contains("\"status\":403");
        assertThat(JolokiaClient.status(client.request("{\"type\":\"notification\",\"command\":\"register\"}")))
                .isEqualTo(403);
        HttpResponse<String> bulk = client.post("[{\"type\":\"read\",\"mbean\":\"" + VI_1 + "\",\"attribute\":"
                + "\"State\"},{\"type\":\"notification\",\"command\":\"register\"},{\"type\":\"config\"}]");
        JSONArray answers = (JSONArray) new JSONParser().parse(bulk.body());
        assertThat(answers).extracting(a -> JolokiaClient.status((JSONObject) a)).containsExactly(200L, 403L, 403L);
    }

    @Test
    void refusesWriteAndExecInTheirGetFormsToo() throws Exception {
        JolokiaClient client = start("listen 0");
        assertThat(client.get("write/java.lang:type=Memory/Verbose/true").body()).contains("\"status\":403");
        assertThat(client.get("exec/java.lang:type=Memory/gc").body()).contains("\"status\":403");
        assertThat(platform.getAttribute(new javax.management.ObjectName("java.lang:type=Memory"), "Verbose"))
                .isEqualTo(false);
        assertThat(client.get("version").body()).contains("\"status\":200");
        assertThat(client.get("list/keepalived").body()).contains("\"status\":200");
        assertThat(client.get("search/keepalived:type=VrrpInstance,*").body()).contains("\"status\":200");
        assertThat(client.get("read/java.lang:type=Memory/HeapMemoryUsage").body()).contains("\"status\":200");
    }

    @Test
    void grantsNoCrossOriginAccessByDefault() throws Exception {
        start("listen 0");
        for (HttpResponse<String> r : List.of(fromOrigin("GET", "version", "http://evil.example"),
                fromOrigin("POST", "", "http://evil.example"), fromOrigin("OPTIONS", "version", "http://evil.example"),
                fromOrigin("GET", "version", "null"))) {
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(r.request().method()).isEmpty();
            assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    @Test
    void grantsCrossOriginAccessToTheConfiguredOriginsOnly() throws Exception {
        start("listen 0", "cors_origin http://grafana.example.com", "cors_origin http://*.ops.example.com");
        HttpResponse<String> grafana = fromOrigin("GET", "version", "http://grafana.example.com");
        assertThat(grafana.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://grafana.example.com");
        assertThat(fromOrigin("OPTIONS", "version", "http://tools.ops.example.com").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("http://tools.ops.example.com");
        HttpResponse<String> evil = fromOrigin("GET", "version", "http://evil.example");
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(evil.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void requiresAuthenticationOnItsConfigPathToo() throws Exception {
        start("listen 0", "user admin", "password " + PASSWORD);
        JolokiaClient config = new JolokiaClient(jolokia.url() + "config");
        HttpResponse<String> r = config.post("{\"type\":\"read\",\"mbean\":\"" + VI_1 + "\",\"attribute\":\"State\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("MASTER");
        assertThat(new JolokiaClient(jolokia.url() + "config").get("").statusCode()).isEqualTo(401);
    }

    @Test
    void reportsBadOriginsAndOriginsGivenTwice(@TempDir Path dir) throws Exception {
        assertThat(jolokia.validate(TestSettings.block("keepalived4j_jolokia", "cors_origin *",
                "cors_origin grafana.example.com", "cors_origin *://*", "cors_origin https://ok.example.com:3000")))
                .containsExactly(
                        "test.conf:11: cors_origin: expected an origin such as https://grafana.example.com (a * stands"
                                + " for any part of it), got '*'",
                        "test.conf:12: cors_origin: expected an origin such as https://grafana.example.com (a * stands"
                                + " for any part of it), got 'grafana.example.com'",
                        "test.conf:13: cors_origin: expected an origin such as https://grafana.example.com (a * stands"
                                + " for any part of it), got '*://*'");
        Path policy = dir.resolve("policy.xml");
        Files.writeString(policy, "<restrict><cors><allow-origin>http://a.example</allow-origin></cors></restrict>");
        assertThat(jolokia.validate(TestSettings.block("keepalived4j_jolokia", "policy_file " + policy,
                "cors_origin http://b.example"))).containsExactly("test.conf:11: policy_file: has its own <cors> "
                + "section; give the allowed origins there or with cors_origin, not both");
        Files.writeString(policy, "<restrict><commands>");
        assertThat(jolokia.validate(TestSettings.block("keepalived4j_jolokia", "policy_file " + policy)))
                .singleElement().asString().startsWith("test.conf:11: policy_file: not a Jolokia policy: ");
    }

    @Test
    void addsNoCrossOriginAccessToAPolicyFileWithoutCorsAndKeepsOneWithIt(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.xml");
        Files.writeString(policy, "<restrict><commands><command>version</command></commands></restrict>");
        start("listen 0", "policy_file " + policy);
        assertThat(fromOrigin("GET", "version", "http://evil.example").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
        jolokia.close();
        Files.writeString(policy, "<restrict><cors><allow-origin>http://mine.example</allow-origin></cors></restrict>");
        start("listen 0", "policy_file " + policy);
        assertThat(fromOrigin("GET", "version", "http://mine.example").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("http://mine.example");
    }

    private HttpResponse<String> fromOrigin(String method, String path, String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(jolokia.url() + path))
                .timeout(java.time.Duration.ofSeconds(30)).header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")
                        : HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void neverStartsWithoutItsPolicy(@TempDir Path dir) {
        Path missing = dir.resolve("missing.xml");
        assertThat(jolokia.validate(TestSettings.block("keepalived4j_jolokia", "policy_file " + missing)))
                .containsExactly("test.conf:11: policy_file: cannot read " + missing);
        assertThatThrownBy(() -> start("listen 0", "policy_file " + missing))
                .hasMessageContaining("cannot read");
        assertThat(jolokia.url()).isNull();
    }

    @Test
    void reportsBadSettingsWithTheirSource() {
        assertThat(jolokia.validate(TestSettings.block("keepalived4j_jolokia", "listen a:b:c", "user admin",
                "enable yes"))).containsExactlyInAnyOrder(
                "test.conf:11: listen: write an IPv6 address in brackets, e.g. [::1]:PORT",
                "test.conf:13: unknown keyword 'enable' in keepalived4j_jolokia",
                "test.conf:10: user and password must be given together");
    }

    @Test
    void staysOffWhenDisabled() throws Exception {
        start("enabled no");
        assertThat(jolokia.url()).isNull();
    }

    private static SSLContext trusting(Path cert) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("agent",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    @Test
    void policyCopiesOfProcessesThatAreGoneAreDeletedAtTheNextStart(@TempDir Path tmp) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long gone = finished.pid();
        long alive = ProcessHandle.current().pid();
        Path ours = Files.writeString(tmp.resolve("keepalived4j-jolokia-access-" + alive + "-17.xml"), "x");
        Path dead = Files.writeString(tmp.resolve("keepalived4j-jolokia-access-" + gone + "-18.xml"), "x");
        Path oldStyle = Files.writeString(tmp.resolve("keepalived4j-jolokia-access123.xml"), "x");
        Files.setLastModifiedTime(oldStyle, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 120_000));
        Path newOldStyle = Files.writeString(tmp.resolve("keepalived4j-jolokia-access456.xml"), "x");
        Path unrelated = Files.writeString(tmp.resolve("keepalived4j-other-" + gone + "-1.xml"), "x");

        assertThat(JolokiaExporter.deleteStaleCopies(tmp)).isEqualTo(2);
        assertThat(dead).doesNotExist();
        assertThat(oldStyle).doesNotExist();
        assertThat(ours).as("its process runs").exists();
        assertThat(newOldStyle).as("written less than a minute ago").exists();
        assertThat(unrelated).exists();
    }
}
