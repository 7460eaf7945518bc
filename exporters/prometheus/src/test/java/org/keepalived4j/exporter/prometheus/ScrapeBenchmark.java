package org.keepalived4j.exporter.prometheus;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole scrape (collect from the live view + write the exposition) for 1,000 VRRP instances
 * and 10,000 real servers (100 virtual servers of 100). Run by {@code bench/prometheus-scrape.sh};
 * sample mode reports the distribution (p0 is the best scrape, p0.50 the median), so a shared,
 * busy machine shows in the spread rather than in one average; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the allocation per scrape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScrapeBenchmark {

    @Param({"true", "false"})
    public boolean legacyMetrics;

    @Param({"true", "false"})
    public boolean realServerCheckHistograms;

    private MetricsEndpoint endpoint;
    private final PrometheusTextWriter text = new PrometheusTextWriter(1024 * 1024);

    @Setup
    public void setUp() {
        FakeStateView view = new FakeStateView(SampleStates.large(1000, 100, 100));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(KeepalivedCollector.standard(view, realServerCheckHistograms));
        KeepalivedCollector legacy = legacyMetrics ? KeepalivedCollector.legacy(view) : null;
        endpoint = new MetricsEndpoint(registry::scrape, legacy == null ? null : legacy::collect);
    }

    /** What Prometheus gets with the legacy names on (the default): the text format, into the reused buffer. */
    @Benchmark
    public long prometheusText() {
        text.reset();
        endpoint.writeText(text);
        return text.size();
    }

    /** What Prometheus (which prefers OpenMetrics) gets with the legacy names off, and OpenMetrics-only clients. */
    @Benchmark
    public long openMetrics() {
        text.reset();
        endpoint.writeOpenMetrics(text);
        return text.size();
    }
}
