package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateView;

/** Our text writer must produce exactly what client_java's writer produces. */
class PrometheusTextWriterTest {

    private static String ours(MetricSnapshots s) throws Exception {
        return written(s, false);
    }

    private static String oursOpenMetrics(MetricSnapshots s) throws Exception {
        return written(s, true);
    }

    private static String written(MetricSnapshots s, boolean openMetrics) throws Exception {
        PrometheusTextWriter w = new PrometheusTextWriter(16);
        if (openMetrics) {
            w.writeOpenMetrics(s);
        } else {
            w.write(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String clientJava(MetricSnapshots s) {
        return PrometheusTextFormatWriter.create().toDebugString(s);
    }

    private static String clientJavaOpenMetrics(MetricSnapshots s) {
        return OpenMetricsTextFormatWriter.create().toDebugString(s);
    }

    private static void assertSameAsClientJava(StateView view) throws Exception {
        for (KeepalivedCollector c : new KeepalivedCollector[] {KeepalivedCollector.standard(view),
                KeepalivedCollector.legacy(view)}) {
            MetricSnapshots s = c.collect();
            assertThat(ours(s)).isEqualTo(clientJava(s));
        }
        // OpenMetrics is only ever served without the legacy names
        MetricSnapshots s = KeepalivedCollector.standard(view).collect();
        assertThat(oursOpenMetrics(s)).isEqualTo(clientJavaOpenMetrics(s)).endsWith("# EOF\n")
                .contains("# TYPE keepalived_become_master counter\n", "# TYPE keepalived4j_build info\n",
                        "# UNIT keepalived_start_time_seconds seconds\n");
    }

    @Test
    void openMetricsContentTypeIsClientJavas() {
        assertThat(PrometheusTextWriter.OPENMETRICS_CONTENT_TYPE)
                .isEqualTo(OpenMetricsTextFormatWriter.create().getContentType());
    }

    @Test
    void writesTheSameBytesAsClientJavaForTheSmallSample() throws Exception {
        assertSameAsClientJava(new FakeStateView(SampleStates.small()));
    }

    @Test
    void writesTheSameBytesAsClientJavaForManyInstancesAndServers() throws Exception {
        assertSameAsClientJava(new FakeStateView(SampleStates.large(30, 4, 25)));
    }

    @Test
    void escapesLabelValuesAndHelpAndEncodesUtf8LikeClientJava() throws Exception {
        MetricSnapshots s = new MetricSnapshots(GaugeSnapshot.builder().name("odd_values")
                .help("back\\slash and\nnewline \"quoted\" \u00e9t\u00e9")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "a\"b\\c\nd \u00fcber \ud83d\ude00")).value(-0.0).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "\u00e9 then \"quotes\" and \\ after UTF-8")).value(1).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "big")).value(12345678.0).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "inf")).value(Double.NEGATIVE_INFINITY).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "nan")).value(Double.NaN).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "neg")).value(-42).build())
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("name", "small")).value(1e-9).build())
                .build());
        assertThat(ours(s)).isEqualTo(clientJava(s));
        assertThat(oursOpenMetrics(s)).isEqualTo(clientJavaOpenMetrics(s));
    }
}
