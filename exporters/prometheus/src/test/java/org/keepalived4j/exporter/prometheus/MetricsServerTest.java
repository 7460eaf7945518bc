package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.LogCapture;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

/** The endpoint against clients that send or read slowly, on real sockets. */
class MetricsServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(5);

    private final PrometheusExporter exporter = new PrometheusExporter();
    private final Http http = new Http();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        exporter.close();
    }

    private String start(FakeStateView view, String... lines) throws Exception {
        exporter.start(TestExporterContext.of(view, ManagementFactory.getPlatformMBeanServer(),
                TestSettings.block("keepalived4j_prometheus", lines)));
        return "http://127.0.0.1:" + exporter.port();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", exporter.port()), 5_000);
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** What the server sent until it closed the connection. */
    private static String readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout((int) PATIENCE.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed by the server: as closed as a FIN
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private Duration timed(String url) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = http.get(url);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return took;
    }

    @ParameterizedTest(name = "{0} slow clients")
    @ValueSource(ints = {2, 10})
    void keepsAnsweringWhileClientsHoldHalfSentRequestsAndCutsThemAtRequestTimeout(int slowClients)
            throws Exception {
        String base = start(new FakeStateView(SampleStates.small()), "listen 127.0.0.1:0", "request_timeout 4");
        for (int i = 0; i < slowClients; i++) {
            send(connect(), "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/pl");
        }
        for (int i = 0; i < 3; i++) {
            Duration metrics = timed(base + "/metrics");
            Duration healthy = timed(base + "/-/healthy");
            System.out.printf("with %d slow clients: /metrics %d ms, /-/healthy %d ms%n", slowClients,
                    metrics.toMillis(), healthy.toMillis());
            assertThat(metrics).isLessThan(A_FEW_SECONDS);
            assertThat(healthy).isLessThan(A_FEW_SECONDS);
        }
        for (Socket s : sockets) {
            assertThat(readUntilClosed(s)).as("closed at request_timeout").startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void aScraperThatNeverReadsDelaysNoOtherScrapeAndIsCutAtWriteTimeout() throws Exception {
        String base = start(new FakeStateView(SampleStates.large(500, 50, 100)), "listen 127.0.0.1:0",
                "write_timeout 3");
        int full = http.get(base + "/metrics").body().length();
        assertThat(full).as("more than socket buffers hold").isGreaterThan(8 * 1024 * 1024);
        try (LogCapture logs = new LogCapture()) {
            Socket stalled = connect();
            long sent = System.nanoTime();
            send(stalled, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            for (int i = 0; i < 3; i++) {
                Duration metrics = timed(base + "/metrics");
                Duration healthy = timed(base + "/-/healthy");
                System.out.printf("with a scraper that never reads: /metrics %d ms, /-/healthy %d ms%n",
                        metrics.toMillis(), healthy.toMillis());
                assertThat(metrics).isLessThan(A_FEW_SECONDS);
                assertThat(healthy).isLessThan(A_FEW_SECONDS);
            }
            await().atMost(PATIENCE).until(() -> logs.text().contains("within write_timeout"));
            System.out.printf("the scraper that never read was cut after %.1f s%n", (System.nanoTime() - sent) / 1e9);
            String got = readUntilClosed(stalled);
            System.out.printf("it had got %d of %d bytes%n", got.length(), full);
            assertThat(got).startsWith("HTTP/1.1 200");
            assertThat(got.length()).as("cut short").isLessThan(full);
        }
        assertThat(timed(base + "/metrics")).isLessThan(A_FEW_SECONDS);
    }
}
