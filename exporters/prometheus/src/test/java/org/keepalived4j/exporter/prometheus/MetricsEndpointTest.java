package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.management.MBeanServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.LogCapture;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpState;

/** {@code /metrics} over HTTP: each content type, compression, HEAD, and scrapes that fail. */
class MetricsEndpointTest {

    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String OPENMETRICS_ONLY = "application/openmetrics-text;version=1.0.0";

    private final PrometheusExporter exporter = new PrometheusExporter();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        exporter.close();
    }

    private URI start(StateView view, MBeanServer mbeans, String... lines) throws Exception {
        List<String> settings = new ArrayList<>(List.of("listen 127.0.0.1:0"));
        settings.addAll(List.of(lines));
        exporter.start(TestExporterContext.of(view, mbeans, TestSettings.block("keepalived4j_prometheus",
                settings.toArray(String[]::new))));
        return URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String gunzip(HttpResponse<byte[]> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String direct(StateView view, boolean legacy, boolean openMetrics) throws IOException {
        return GoldenScrapeTest.scrape(new MetricsEndpoint(view, legacy, true, null), openMetrics);
    }

    @Test
    void servesEachContentTypeAsBefore() throws Exception {
        URI uri = start(new FakeStateView(GoldenStates.state()), GoldenStates.alertSinks());
        HttpResponse<byte[]> prometheus = get(uri, "Accept", PROMETHEUS_ACCEPT);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.headers().firstValue("Content-Type")).hasValue(PrometheusTextWriter.CONTENT_TYPE)
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text(prometheus)).isEqualTo(GoldenScrapeTest.golden("text.txt"));
        assertThat(text(get(uri))).as("no Accept header").isEqualTo(GoldenScrapeTest.golden("text.txt"));

        HttpResponse<byte[]> om = get(uri, "Accept", OPENMETRICS_ONLY);
        assertThat(om.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(text(om)).isEqualTo(GoldenScrapeTest.golden("openmetrics.txt"));

        HttpResponse<byte[]> gzip = get(uri, "Accept", OPENMETRICS_ONLY, "Accept-Encoding", "gzip");
        assertThat(gunzip(gzip)).isEqualTo(GoldenScrapeTest.golden("openmetrics.txt"));
    }

    @Test
    void withoutLegacyNamesPrometheusGetsOpenMetrics() throws Exception {
        URI uri = start(new FakeStateView(GoldenStates.state()), GoldenStates.alertSinks(), "legacy_metrics no",
                "real_server_check_histograms no");
        assertThat(text(get(uri, "Accept", PROMETHEUS_ACCEPT)))
                .isEqualTo(GoldenScrapeTest.golden("openmetrics-no-histograms.txt"));
        assertThat(gunzip(get(uri, "Accept-Encoding", "gzip"))).isEqualTo(GoldenScrapeTest.golden(
                "text-no-legacy.txt").replaceAll("(?m)^.*keepalived_real_server_check_duration_seconds.*\n", ""));
    }

    @Test
    void aScrapeThatFitsOneBufferHasItsLengthALargerOneIsChunkedAndTheSame() throws Exception {
        FakeStateView view = new FakeStateView(SampleStates.small());
        URI uri = start(view, null);
        HttpResponse<byte[]> small = get(uri);
        assertThat(small.headers().firstValue("Content-Length")).hasValue(Integer.toString(small.body().length));
        assertThat(small.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(text(small)).isEqualTo(GoldenScrapeTest.golden("small-text.txt"));

        view.set(SampleStates.large(200, 10, 50));
        String expected = direct(view, true, false);
        assertThat(expected.length()).as("many buffers").isGreaterThan(10 * PrometheusTextWriter.BUFFER_SIZE);
        HttpResponse<byte[]> large = get(uri);
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.headers().firstValue("Content-Length")).isEmpty();
        assertThat(large.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(text(large)).isEqualTo(expected);
        assertThat(gunzip(get(uri, "Accept-Encoding", "gzip"))).isEqualTo(expected);
        assertThat(gunzip(get(uri, "Accept", OPENMETRICS_ONLY, "Accept-Encoding", "gzip")))
                .isEqualTo(direct(view, true, true)).endsWith("# EOF\n");
        assertThat(text(get(uri))).as("the next scrape on the same connection").isEqualTo(expected);
    }

    @Test
    void headIsAnsweredAsGetWithoutTheBody() throws Exception {
        URI uri = start(new FakeStateView(SampleStates.large(100, 5, 50)), null);
        for (String accept : List.of(PROMETHEUS_ACCEPT, OPENMETRICS_ONLY)) {
            HttpResponse<byte[]> get = get(uri, "Accept", accept);
            HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri).header("Accept", accept)
                    .header("Accept-Encoding", "gzip").method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        URI uri = start(new FakeStateView(SampleStates.small()), null);
        HttpResponse<byte[]> post = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(get(uri).statusCode()).isEqualTo(200);
    }

    /** An instance whose state changes name one (state, reason) twice: two series with one label set. */
    private static VrrpInstanceSnapshot twiceCounted(String name) {
        VrrpInstanceSnapshot i = SampleStates.instance(name, 9, VrrpState.MASTER);
        VrrpInstanceStatus s = i.status();
        List<TransitionCount> twice = List.of(new TransitionCount(VrrpState.MASTER, TransitionReason.PRIORITY, 1),
                new TransitionCount(VrrpState.MASTER, TransitionReason.PRIORITY, 2));
        return new VrrpInstanceSnapshot(i.settings(), new VrrpInstanceStatus(s.state(), s.wantedState(),
                s.basePriority(), s.effectivePriority(), s.masterAdvertInterval(), s.masterAddress(),
                s.masterPriority(), s.primaryAddress(), s.lastTransition(), s.lastTransitionReason(),
                s.transitionCount(), twice, s.trackers(), s.addressesPresent()), i.counters(), i.takeover());
    }

    private static StateSnapshot with(StateSnapshot state, VrrpInstanceSnapshot extra) {
        List<VrrpInstanceSnapshot> instances = new ArrayList<>(state.vrrpInstances());
        instances.add(extra);
        return new StateSnapshot(state.daemon(), instances, state.syncGroups(), state.scripts(),
                state.virtualServers());
    }

    @Test
    void aScrapeThatFailsBeforeItsFirstBufferWentOutIsAnswered500() throws Exception {
        FakeStateView view = new FakeStateView(with(SampleStates.small(), twiceCounted("VI_9")));
        URI uri = start(view, null);
        try (LogCapture logs = new LogCapture()) {
            assertThat(get(uri).statusCode()).isEqualTo(500);
            assertThat(send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(500);
            assertThat(logs.text()).contains("Scrape failed", "keepalived_vrrp_transitions");
        }
        view.set(SampleStates.small());
        assertThat(get(uri).statusCode()).as("the next scrape").isEqualTo(200);
    }

    @Test
    void aScrapeThatFailsAfterItsFirstBufferWentOutIsCutShort() throws Exception {
        FakeStateView view = new FakeStateView(with(SampleStates.large(200, 10, 50), twiceCounted("VI_zz")));
        URI uri = start(view, null);
        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> get(uri)).as("an incomplete chunked response").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> get(uri, "Accept-Encoding", "gzip")).isInstanceOf(IOException.class);
            assertThat(logs.text()).contains("Scrape failed after", "it is cut short");
        }
        view.set(SampleStates.small());
        assertThat(text(get(uri))).isEqualTo(GoldenScrapeTest.golden("small-text.txt"));
    }

    @Test
    void aStateThatCannotBeReadIsAnswered500() throws Exception {
        StateView broken = new StateView() {
            @Override
            public StateSnapshot current() {
                throw new IllegalStateException("no state");
            }

            @Override
            public AutoCloseable subscribe(StateListener listener) {
                return () -> { };
            }
        };
        URI uri = start(broken, ManagementFactory.getPlatformMBeanServer());
        try (LogCapture logs = new LogCapture()) {
            assertThat(get(uri).statusCode()).isEqualTo(500);
            assertThat(logs.text()).contains("Scrape failed");
        }
    }
}
