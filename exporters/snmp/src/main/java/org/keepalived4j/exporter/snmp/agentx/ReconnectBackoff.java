package org.keepalived4j.exporter.snmp.agentx;

import java.time.Duration;

/**
 * Delays between connection attempts: {@code min}, doubling after each failure up to
 * {@code max}; back to {@code min} once a session opens. keepalived (net-snmp) retries every
 * 15 s; starting lower brings the tables back sooner after a quick snmpd restart.
 */
final class ReconnectBackoff {

    private final long minMillis;
    private final long maxMillis;
    private long nextMillis;

    ReconnectBackoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = minMillis;
    }

    /** The delay before the next attempt; the one after it is longer. */
    long next() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    void reset() {
        nextMillis = minMillis;
    }
}
