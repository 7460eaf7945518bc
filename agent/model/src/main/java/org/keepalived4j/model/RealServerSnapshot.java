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
 * @param effectiveWeight keepalived's effective weight: the configured weight as dynamic checkers
 *        ({@code misc_dynamic}, track files) changed it, clamped to [0, 2^31-1], whether or not the
 *        server is in the pool (KEEPALIVED-MIB's realServerWeight); {@link #weight} is what IPVS
 *        holds instead
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
        IpvsStats stats,
        int effectiveWeight) {

    /** A snapshot whose effective weight is the weight IPVS holds. */
    public RealServerSnapshot(RealServerSettings settings, boolean alive, int weight, int failedCheckers,
            long checkFailures, Instant lastCheck, Duration lastCheckLatency, String lastCheckResult,
            HistogramSnapshot checkDuration, IpvsStats stats) {
        this(settings, alive, weight, failedCheckers, checkFailures, lastCheck, lastCheckLatency, lastCheckResult,
                checkDuration, stats, weight);
    }

    /** {@code IP:PORT} ({@code [IPv6]:PORT}). */
    public String key() {
        return settings.key();
    }

    /** The owning virtual server's key. */
    public String virtualServer() {
        return settings.virtualServer();
    }
}
