package org.keepalived4j.check;

/** Receives how late each check started against its schedule and how long it took (for benchmarks and metrics). */
@FunctionalInterface
public interface LagRecorder {

    LagRecorder NONE = (lagNanos, durationNanos) -> { };

    /**
     * @param lagNanos how long after its planned time the check started
     * @param durationNanos how long the check took
     */
    void record(long lagNanos, long durationNanos);
}
