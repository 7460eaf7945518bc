package org.keepalived4j.check;

/** Receives how late each check started against its schedule (for benchmarks and metrics). */
@FunctionalInterface
public interface LagRecorder {

    LagRecorder NONE = (lagNanos, cpuNanos) -> { };

    /**
     * @param lagNanos how long after its planned time the check started
     * @param cpuNanos CPU time the event loop thread spent starting and finishing the check
     */
    void record(long lagNanos, long cpuNanos);
}
