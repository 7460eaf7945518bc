package org.keepalived4j.exporter.http;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.keepalived4j.model.Settings;

/**
 * What one client may cost a {@link NettyHttpServer}, from the {@code request_timeout},
 * {@code idle_timeout}, {@code write_timeout} and {@code max_connections} keywords of an
 * exporter's block. Times are written in seconds, decimals allowed, as keepalived's timers.
 *
 * @param requestTimeout the longest a request may take to arrive, from its first byte to its
 *        last; a request that takes longer is answered 408 and its connection closed
 * @param idleTimeout the longest a connection may wait for its first or next request
 * @param writeTimeout the longest one response may take to send, from its first byte to its
 *        last; a client that reads it slower (or not at all) is disconnected then, so it holds a
 *        handler thread for at most this long
 * @param maxConnections connections open at once; more are closed as soon as they are accepted
 */
public record HttpLimits(Duration requestTimeout, Duration idleTimeout, Duration writeTimeout, int maxConnections) {

    /** The keywords {@link #parse} reads, for the exporter's list of known keywords. */
    public static final Set<String> KEYWORDS = Set.of("request_timeout", "idle_timeout", "write_timeout",
            "max_connections");

    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Prometheus' own default scrape_timeout: a scrape slower than that is wasted anyway. */
    static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORTEST = Duration.ofMillis(100);
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final int MOST_CONNECTIONS = 10_000;

    public HttpLimits {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative()
                || idleTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero() || maxConnections < 1) {
            throw new IllegalArgumentException("limits must be positive: " + requestTimeout + ", " + idleTimeout
                    + ", " + writeTimeout + ", " + maxConnections);
        }
    }

    /** The defaults (10 s, 60 s, 10 s) with the exporter's own connection bound. */
    public static HttpLimits defaults(int maxConnections) {
        return new HttpLimits(DEFAULT_REQUEST_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_WRITE_TIMEOUT, maxConnections);
    }

    /**
     * Reads the four keywords from an exporter's block, falling back to {@link #defaults} with
     * {@code defaultMaxConnections}; every bad value is added to {@code problems} with its
     * {@code file:line}.
     */
    public static HttpLimits parse(Settings settings, int defaultMaxConnections, List<String> problems) {
        return new HttpLimits(
                settings.seconds("request_timeout", DEFAULT_REQUEST_TIMEOUT, SHORTEST, LONGEST, problems),
                settings.seconds("idle_timeout", DEFAULT_IDLE_TIMEOUT, SHORTEST, LONGEST, problems),
                settings.seconds("write_timeout", DEFAULT_WRITE_TIMEOUT, SHORTEST, LONGEST, problems),
                settings.integer("max_connections", defaultMaxConnections, 1, MOST_CONNECTIONS, problems));
    }

    @Override
    public String toString() {
        return "request_timeout " + Settings.formatSeconds(requestTimeout) + ", idle_timeout "
                + Settings.formatSeconds(idleTimeout) + ", write_timeout " + Settings.formatSeconds(writeTimeout)
                + ", max_connections " + maxConnections;
    }
}
