package org.keepalived4j.vrrp;

/**
 * A token bucket for events the loop emits per packet: up to {@code burst} at once, refilled at
 * {@code burst} per {@code periodNanos}. Loop thread only; {@code now} is the loop's clock.
 */
final class EventBudget {

    private final int burst;
    private final long nanosPerToken;
    private long tokens;
    private long refilledAt = Long.MIN_VALUE;

    EventBudget(int burst, long periodNanos) {
        if (burst < 1 || periodNanos < burst) {
            throw new IllegalArgumentException("burst " + burst + " in " + periodNanos + " ns");
        }
        this.burst = burst;
        this.nanosPerToken = periodNanos / burst;
        this.tokens = burst;
    }

    /** Whether one more event may go now; takes its token if so. */
    boolean take(long now) {
        if (refilledAt == Long.MIN_VALUE) {
            refilledAt = now;
        }
        long earned = (now - refilledAt) / nanosPerToken;
        if (earned > 0) {
            tokens = Math.min(burst, tokens + earned);
            refilledAt = tokens == burst ? now : refilledAt + earned * nanosPerToken;
        }
        if (tokens == 0) {
            return false;
        }
        tokens--;
        return true;
    }
}
