package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;

/**
 * The streamed exposition is, byte for byte, what the endpoint served when it built client_java
 * snapshots and wrote them whole: src/test/resources/golden holds that endpoint's answers (commit
 * 5530a45) for {@link GoldenStates} (every VRRP state, repeated objects, label values to escape,
 * alert sinks), {@link SampleStates#small()} and a daemon without instances or servers. Each is
 * written through buffers of several sizes, so that every line is cut by a flush somewhere.
 */
class GoldenScrapeTest {

    static String golden(String file) throws IOException {
        try (InputStream in = GoldenScrapeTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String scrape(MetricsEndpoint endpoint, boolean openMetrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (openMetrics) {
            endpoint.writeOpenMetrics(out);
        } else {
            endpoint.writeText(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static MetricsEndpoint endpoint(StateSnapshot state, MBeanServer sinks, boolean legacy,
            boolean histograms, int bufferSize) {
        return new MetricsEndpoint(new FakeStateView(state), legacy, histograms,
                sinks == null ? null : new AlertSinkCollector(sinks), bufferSize);
    }

    @ParameterizedTest(name = "buffer of {0} bytes")
    @ValueSource(ints = {64, 97, 1000, 4096, PrometheusTextWriter.BUFFER_SIZE})
    void everyFormatAndSettingIsWhatTheEndpointServedBefore(int bufferSize) throws Exception {
        StateSnapshot state = GoldenStates.state();
        MBeanServer sinks = GoldenStates.alertSinks();
        assertThat(scrape(endpoint(state, sinks, true, true, bufferSize), false)).isEqualTo(golden("text.txt"));
        assertThat(scrape(endpoint(state, sinks, false, true, bufferSize), false))
                .isEqualTo(golden("text-no-legacy.txt"));
        assertThat(scrape(endpoint(state, sinks, true, false, bufferSize), false))
                .isEqualTo(golden("text-no-histograms.txt"));
        assertThat(scrape(endpoint(state, sinks, false, true, bufferSize), true)).isEqualTo(golden("openmetrics.txt"));
        assertThat(scrape(endpoint(state, sinks, true, true, bufferSize), true))
                .as("OpenMetrics never carries the legacy names").isEqualTo(golden("openmetrics.txt"));
        assertThat(scrape(endpoint(state, sinks, false, false, bufferSize), true))
                .isEqualTo(golden("openmetrics-no-histograms.txt"));
    }

    @ParameterizedTest(name = "buffer of {0} bytes")
    @ValueSource(ints = {64, 4096, PrometheusTextWriter.BUFFER_SIZE})
    void theSmallSampleAndAnEmptyDaemonAreWhatTheEndpointServedBefore(int bufferSize) throws Exception {
        MetricsEndpoint small = endpoint(SampleStates.small(), null, true, true, bufferSize);
        assertThat(scrape(small, false)).isEqualTo(golden("small-text.txt"));
        assertThat(scrape(small, true)).isEqualTo(golden("small-openmetrics.txt"));
        MetricsEndpoint empty = endpoint(new StateSnapshot(SampleStates.daemon(), List.of(), List.of(), List.of(),
                List.of()), null, true, true, bufferSize);
        assertThat(scrape(empty, false)).isEqualTo(golden("empty-text.txt"));
        assertThat(scrape(empty, true)).isEqualTo(golden("empty-openmetrics.txt"));
    }

    @Test
    void aReusedEndpointWritesEachStateAsAFreshOneDoes() throws Exception {
        FakeStateView view = new FakeStateView(GoldenStates.state());
        MetricsEndpoint endpoint = new MetricsEndpoint(view, true, true, new AlertSinkCollector(
                GoldenStates.alertSinks()));
        String first = scrape(endpoint, false);
        view.set(SampleStates.large(50, 5, 20));
        scrape(endpoint, false);
        scrape(endpoint, true);
        view.set(SampleStates.small());
        assertThat(scrape(endpoint, false)).as("nothing left of the larger scrapes")
                .isEqualTo(scrape(endpoint(SampleStates.small(), GoldenStates.alertSinks(), true, true, 64), false));
        view.set(GoldenStates.state());
        assertThat(scrape(endpoint, false)).isEqualTo(first).isEqualTo(golden("text.txt"));
    }
}
