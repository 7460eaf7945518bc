package org.keepalived4j.exporter.alerts.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.keepalived4j.exporter.alerts.JsonReader;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on a free loopback port, with a route to
 * a receiver that sends nothing, no cluster gossip, and its storage in a temporary folder.
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

    private final Path dir;
    private final int port;
    private final HttpClient http;
    private final String scheme;
    private final String authorization;
    private Process process;

    private AlertmanagerProcess(Path dir, int port, HttpClient http, String scheme, String authorization) {
        this.dir = dir;
        this.port = port;
        this.http = http;
        this.scheme = scheme;
        this.authorization = authorization;
    }

    /** Starts one on plain HTTP and waits until it is ready; fails (not skips) when the package is missing. */
    static AlertmanagerProcess start() throws Exception {
        return start(null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http", null);
    }

    /**
     * Starts one with {@code webConfig} (exporter-toolkit's web config: TLS, basic auth), read back
     * by the test with {@code http} and {@code authorization}.
     */
    static AlertmanagerProcess start(String webConfig, HttpClient http, String scheme, String authorization)
            throws Exception {
        assertThat(Files.isExecutable(BINARY))
                .withFailMessage("%s is missing: install Debian's prometheus-alertmanager package", BINARY).isTrue();
        Path dir = Files.createTempDirectory("k4j-alertmanager-");
        Files.writeString(dir.resolve("alertmanager.yml"), """
                route:
                  receiver: blackhole
                receivers:
                  - name: blackhole
                """);
        if (webConfig != null) {
            Files.writeString(dir.resolve("web.yml"), webConfig);
        }
        AlertmanagerProcess am = new AlertmanagerProcess(dir, freePort(), http, scheme, authorization);
        am.startProcess();
        return am;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    /** (Re)starts the process on the same port and waits for {@code /-/ready}. */
    void startProcess() throws IOException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--config.file=" + dir.resolve("alertmanager.yml"), "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="));
        if (Files.exists(dir.resolve("web.yml"))) {
            command.add("--web.config.file=" + dir.resolve("web.yml"));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        Awaitility.await("Alertmanager ready on " + url()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    assertThat(process.isAlive()).withFailMessage("Alertmanager exited: %s",
                            Files.readString(dir.resolve("alertmanager.log"))).isTrue();
                    return get("/-/ready").statusCode() == 200;
                });
    }

    /** Stops the process (its alerts are gone: Alertmanager keeps none across restarts). */
    void stopProcess() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/v2/alerts}: the alerts Alertmanager holds as not yet ended. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alerts() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v2/alerts");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) JsonReader.parse(r.body());
    }

    /** The alerts whose labels include all of {@code labels}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alerts(Map<String, String> labels) throws IOException, InterruptedException {
        return alerts().stream()
                .filter(a -> ((Map<String, Object>) a.get("labels")).entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The folder the process runs in, for files its web config names. */
    Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        stopProcess();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A sink made from an {@code alertmanager { ... }} block of these lines, which must parse
     * without a problem; added to {@code made}, for the test to close.
     */
    static AlertmanagerSink sink(List<AlertmanagerSink> made, String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("alertmanager {"));
        all.addAll(List.of(lines));
        all.add("}");
        Settings block = TestSettings.block("keepalived4j_alerts",
                all.toArray(String[]::new));
        List<String> problems = new ArrayList<>();
        AlertmanagerSettings settings = AlertmanagerSettings.parse(block.entries().get(0), problems);
        assertThat(problems).isEmpty();
        AlertmanagerSink sink = new AlertmanagerSink(settings, Clock.systemUTC());
        made.add(sink);
        return sink;
    }
}
