package org.keepalived4j.model;

import java.util.List;

/**
 * A cumulative histogram of observed durations, owned by the daemon and read at the moment of
 * asking, so that exporters need not keep their own copy.
 *
 * @param upperBoundsSeconds the buckets' inclusive upper bounds in seconds, ascending, without +Inf
 * @param cumulativeCounts for each bound, how many observations were at or below it; one more
 *        element at the end counts every observation (the +Inf bucket)
 * @param sumSeconds the sum of all observations, in seconds
 */
public record HistogramSnapshot(List<Double> upperBoundsSeconds, List<Long> cumulativeCounts, double sumSeconds) {

    /** An empty histogram with no buckets. */
    public static final HistogramSnapshot EMPTY = new HistogramSnapshot(List.of(), List.of(0L), 0.0);

    public HistogramSnapshot {
        upperBoundsSeconds = List.copyOf(upperBoundsSeconds);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (cumulativeCounts.size() != upperBoundsSeconds.size() + 1) {
            throw new IllegalArgumentException("need one count per bound plus the +Inf count");
        }
    }

    /** How many observations there were in all. */
    public long count() {
        return cumulativeCounts.get(cumulativeCounts.size() - 1);
    }
}
