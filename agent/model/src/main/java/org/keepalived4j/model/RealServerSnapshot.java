package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A {@code real_server} of a virtual server, and what its health checks say.
 *
 * @param virtualServer the owning virtual server's key ({@link VirtualServerSnapshot#key()})
 * @param key {@code IP:PORT} ({@code [IPv6]:PORT} for IPv6)
 * @param address the real server's address
 * @param port the real server's port (0 for fwmark services without a port)
 * @param configuredWeight the configured {@code weight}
 * @param weight the weight now (configured, changed by {@code misc_dynamic}, 0 when inhibited)
 * @param alive whether every checker currently says the server is up
 * @param checkers the checker types, e.g. {@code [HTTP_GET]}; empty if the server is unchecked
 * @param checkFailures failed checks since the server was created (every failed attempt)
 * @param lastCheck when the last check finished, or {@code null} before the first one
 * @param lastCheckLatency how long the last check took, or {@code null} before the first one
 * @param lastCheckResult what the last check concluded, e.g. {@code OK} or {@code connection refused}
 * @param checkDuration every check's duration
 */
public record RealServerSnapshot(
        String virtualServer,
        String key,
        String address,
        int port,
        int configuredWeight,
        int weight,
        boolean alive,
        List<String> checkers,
        long checkFailures,
        Instant lastCheck,
        Duration lastCheckLatency,
        String lastCheckResult,
        HistogramSnapshot checkDuration) {

    public RealServerSnapshot {
        checkers = List.copyOf(checkers);
    }
}
