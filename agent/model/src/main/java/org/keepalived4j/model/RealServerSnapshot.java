package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@code real_server} of a virtual server: as configured, what its health checks say now,
 * and what IPVS counts for it.
 *
 * @param settings the real server as configured
 * @param alive whether every checker currently says the server is up
 * @param weight the weight now (configured, changed by {@code misc_dynamic}, 0 when inhibited)
 * @param failedCheckers how many of its checkers say it is down now
 * @param checkFailures failed checks since the server was created (every failed attempt)
 * @param lastCheck when the last check finished, or {@code null} before the first one
 * @param lastCheckLatency how long the last check took, or {@code null} before the first one
 * @param lastCheckResult what the last check concluded, e.g. {@code OK} or {@code connection refused}
 * @param checkDuration every check's duration
 * @param stats what IPVS counts for it
 */
public record RealServerSnapshot(
        RealServerSettings settings,
        boolean alive,
        int weight,
        int failedCheckers,
        long checkFailures,
        Instant lastCheck,
        Duration lastCheckLatency,
        String lastCheckResult,
        HistogramSnapshot checkDuration,
        IpvsStats stats) {

    /** {@code IP:PORT} ({@code [IPv6]:PORT}). */
    public String key() {
        return settings.key();
    }

    /** The owning virtual server's key. */
    public String virtualServer() {
        return settings.virtualServer();
    }
}
