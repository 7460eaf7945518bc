package org.keepalived4j.check;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.HistogramSnapshot;

/**
 * Check durations of one real server. Written by one thread only (the real server's event
 * loop), so plain fields suffice; readers get immutable {@link HistogramSnapshot}s.
 */
final class LiveHistogram {

    /** Bucket bounds in seconds, from 1 ms to 10 s. */
    static final List<Double> BOUNDS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            10.0);
    private static final long[] BOUNDS_NANOS = BOUNDS.stream().mapToLong(b -> (long) (b * 1e9)).toArray();

    private final long[] counts = new long[BOUNDS_NANOS.length + 1];
    private long sumNanos;

    void observe(long nanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        counts[i]++;
        sumNanos += nanos;
    }

    HistogramSnapshot snapshot() {
        List<Long> cumulative = new ArrayList<>(counts.length);
        long total = 0;
        for (long c : counts) {
            total += c;
            cumulative.add(total);
        }
        return new HistogramSnapshot(BOUNDS, cumulative, sumNanos / 1e9);
    }
}
