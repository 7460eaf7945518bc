package org.keepalived4j.exporter.prometheus;

import java.io.IOException;
import java.io.OutputStream;
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
 * One whole scrape (read the live view + stream the exposition) for 1,000 VRRP instances and
 * 10,000 real servers (100 virtual servers of 100), into a stream that counts the bytes and
 * drops them: what the HTTP handler does, the socket left out. Run by
 * {@code bench/prometheus-scrape.sh}; sample mode reports the distribution (p0 is the best
 * scrape, p0.50 the median), so a shared, busy machine shows in the spread rather than in one
 * average; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per scrape.
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
    private final Counting out = new Counting();

    /** The socket, as far as the exposition can tell. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    @Setup
    public void setUp() {
        FakeStateView view = new FakeStateView(SampleStates.large(1000, 100, 100));
        endpoint = new MetricsEndpoint(view, legacyMetrics, realServerCheckHistograms, null);
    }

    /** What Prometheus gets with the legacy names on (the default): the text format. */
    @Benchmark
    public long prometheusText() throws IOException {
        out.bytes = 0;
        endpoint.writeText(out);
        return out.bytes;
    }

    /** What Prometheus (which prefers OpenMetrics) gets with the legacy names off, and OpenMetrics-only clients. */
    @Benchmark
    public long openMetrics() throws IOException {
        out.bytes = 0;
        endpoint.writeOpenMetrics(out);
        return out.bytes;
    }
}
