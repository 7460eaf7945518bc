package org.keepalived4j.vrrp;

/**
 * How long the VRRP loop sleeps before its next deadline. Loop thread only.
 *
 * <p>ppoll does not wake at its timeout: the kernel may let a poll timer fire up to 0.1 % of the
 * timeout late (never less than the thread's timer slack, 50 µs by default), so a one-second
 * sleep can end a millisecond after its deadline; and a core idle for that long takes hundreds
 * of microseconds more to wake. Both would be added to a takeover. A deadline more than
 * {@link #LONG_SLEEP_NANOS} away is therefore approached in three steps:
 * <ol>
 * <li>coarse: sleep (at most {@link #MAX_SLEEP_NANOS} at a time) until {@link #LONG_SLEEP_NANOS}
 * before it;
 * <li>fine: a short sleep, which the kernel ends within the timer slack, until
 * {@link #PRE_WAKE_NANOS} before it;
 * <li>spin: poll the sockets without sleeping until it is due.
 * </ol>
 * The cost is one more wake-up and at most {@link #PRE_WAKE_NANOS} of CPU per long sleep: a
 * backup spins only when a takeover is imminent, a master with a long advert interval once per
 * advert. Shorter sleeps (adverts every few tens of milliseconds) find the core awake and run to
 * the deadline.
 */
final class LoopSleep {

    /** The loop wakes at least this often even with nothing to do (cheap, and bounds any lost wake-up). */
    static final long MAX_SLEEP_NANOS = 1_000_000_000L;
    /** Sleeps up to this long are woken within the timer slack and need no approach. */
    static final long LONG_SLEEP_NANOS = 50_000_000L;
    /** The last stretch before a deadline approached from a long sleep is spent polling. */
    static final long PRE_WAKE_NANOS = 400_000L;

    private static final long NONE = Long.MIN_VALUE;

    private long approaching = NONE;

    /**
     * The ppoll timeout at {@code now} for a deadline at {@code next} (same clock, nanoseconds);
     * 0 means poll without sleeping.
     */
    long timeout(long next, long now) {
        if (next <= now) {
            approaching = NONE;
            return 0;
        }
        long remaining = next - now;
        if (remaining > LONG_SLEEP_NANOS) {
            approaching = next;
            return Math.min(MAX_SLEEP_NANOS, remaining - LONG_SLEEP_NANOS);
        }
        if (next != approaching) {
            return remaining;
        }
        return Math.max(0, remaining - PRE_WAKE_NANOS);
    }
}
