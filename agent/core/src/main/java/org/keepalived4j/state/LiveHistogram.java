package org.keepalived4j.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import org.keepalived4j.model.HistogramSnapshot;

/**
 * The daemon's one histogram of durations (VRRP takeover delays, checker run times): fixed
 * buckets with inclusive upper bounds, recorded into by any thread without allocating and read
 * by any thread as a {@link HistogramSnapshot}.
 */
public final class LiveHistogram {

    private final double[] boundsSeconds;
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    /** @param boundsSeconds inclusive upper bounds in seconds, ascending */
    public LiveHistogram(double... boundsSeconds) {
        this.boundsSeconds = boundsSeconds.clone();
        for (int i = 1; i < this.boundsSeconds.length; i++) {
            if (this.boundsSeconds[i] <= this.boundsSeconds[i - 1]) {
                throw new IllegalArgumentException("bounds must ascend: " + Arrays.toString(boundsSeconds));
            }
        }
        this.counts = new AtomicLongArray(this.boundsSeconds.length + 1);
    }

    public void observeNanos(long nanos) {
        observeSeconds(nanos / 1e9);
    }

    public void observeSeconds(double seconds) {
        int bucket = Arrays.binarySearch(boundsSeconds, seconds);
        if (bucket < 0) {
            bucket = -bucket - 1;
        }
        counts.incrementAndGet(bucket);
        sum.add(seconds);
    }

    /** Adds everything {@code other} recorded (same bounds) to this histogram. */
    public void add(LiveHistogram other) {
        if (!Arrays.equals(boundsSeconds, other.boundsSeconds)) {
            throw new IllegalArgumentException("different bounds: " + Arrays.toString(boundsSeconds) + " and "
                    + Arrays.toString(other.boundsSeconds));
        }
        for (int i = 0; i < counts.length(); i++) {
            counts.addAndGet(i, other.counts.get(i));
        }
        sum.add(other.sum.sum());
    }

    public HistogramSnapshot snapshot() {
        List<Double> bounds = new ArrayList<>(boundsSeconds.length);
        List<Long> cumulative = new ArrayList<>(boundsSeconds.length + 1);
        long running = 0;
        for (int i = 0; i < boundsSeconds.length; i++) {
            bounds.add(boundsSeconds[i]);
            running += counts.get(i);
            cumulative.add(running);
        }
        running += counts.get(boundsSeconds.length);
        cumulative.add(running);
        return new HistogramSnapshot(bounds, cumulative, sum.sum());
    }
}
