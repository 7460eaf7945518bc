package org.keepalived4j.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.keepalived4j.model.HistogramSnapshot;

/** Builds client_java data points from model values. */
final class DataPoints {

    private DataPoints() {
    }

    static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    static CounterDataPointSnapshot counter(double value, Labels labels) {
        return CounterDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    static UnknownDataPointSnapshot untyped(double value, Labels labels) {
        return UnknownDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    /**
     * A classic histogram from the model's cumulative one: client_java wants per-bucket counts
     * and an explicit +Inf bound.
     */
    static HistogramDataPointSnapshot histogram(HistogramSnapshot h, Labels labels) {
        int n = h.upperBoundsSeconds().size();
        double[] bounds = new double[n + 1];
        long[] counts = new long[n + 1];
        long previous = 0;
        for (int i = 0; i <= n; i++) {
            bounds[i] = i < n ? h.upperBoundsSeconds().get(i) : Double.POSITIVE_INFINITY;
            long cumulative = h.cumulativeCounts().get(i);
            counts[i] = Math.max(0, cumulative - previous);
            previous = Math.max(previous, cumulative);
        }
        return HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                .sum(h.sumSeconds())
                .labels(labels)
                .build();
    }

    /** Seconds since the epoch, 0 for an unknown moment. */
    static double epochSeconds(Instant t) {
        return t == null ? 0 : t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** A duration in seconds, 0 when unknown. */
    static double seconds(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e9;
    }
}
