package org.keepalived4j.exporter.prometheus;

import java.time.Duration;
import java.time.Instant;

/** Model values as the numbers the metrics publish. */
final class DataPoints {

    private DataPoints() {
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
