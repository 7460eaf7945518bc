package org.keepalived4j.vrrp;

import org.slf4j.Logger;

/**
 * Keeps the lines a stream of packets can repeat (a dropped advert, a lower-priority advert
 * to a MASTER) to at most one per instance and reason per window, however fast the packets
 * come. The first line of a window is logged at once, so an alert on it still fires; what
 * follows is counted and reported in one "N more suppressed" line when the window ends. The
 * counters of the instance count every packet whatever this logs.
 *
 * <p>Loop thread only. The limiter allocates nothing; callers format their line only when
 * {@link #allow} says so.
 */
final class PacketLogLimiter {

    /** What a repeated line is about; one window each. */
    enum Reason {
        AH_HEADER("received AH header"),
        LENGTH("packet length mismatch"),
        UNDECODABLE("undecodable packet"),
        TTL("invalid TTL/HL"),
        VERSION("wrong version"),
        AUTH_TYPE_INVALID("invalid auth type"),
        AUTH_TYPE_MISMATCH("auth type mismatch"),
        AUTH_FAILURE("invalid password"),
        INTERVAL("advertisement interval mismatch"),
        TYPE("invalid packet type"),
        ADDRESS_COUNT("unexpected address count"),
        TOTAL_LENGTH("IP total length mismatch"),
        CHECKSUM("invalid checksum"),
        CAST("unicast/multicast mismatch"),
        ADDRESS_LIST("address list mismatch"),
        UNICAST_TTL("unicast TTL/HL out of range"),
        UNICAST_SOURCE("unknown unicast source"),
        LOWER_PRIORITY("lower priority advert received as MASTER"),
        OUR_ADDRESS("equal priority advert with our address"),
        PROCESSING_FAILED("advert processing failed");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /**
         * The error keepalived reports beyond counting for a packet dropped for this reason (an
         * RFC 2787 authentication failure or an RFC 6527 protocol error), or {@code null}.
         */
        org.keepalived4j.model.VrrpPacketError reported() {
            return switch (this) {
                case AH_HEADER, AUTH_TYPE_MISMATCH -> org.keepalived4j.model.VrrpPacketError.AUTH_TYPE_MISMATCH;
                case AUTH_TYPE_INVALID -> org.keepalived4j.model.VrrpPacketError.INVALID_AUTH_TYPE;
                case AUTH_FAILURE -> org.keepalived4j.model.VrrpPacketError.AUTH_FAILURE;
                case TTL, UNICAST_TTL -> org.keepalived4j.model.VrrpPacketError.IP_TTL;
                case VERSION -> org.keepalived4j.model.VrrpPacketError.VERSION;
                case CHECKSUM -> org.keepalived4j.model.VrrpPacketError.CHECKSUM;
                default -> null;
            };
        }
    }

    static final long WINDOW_NANOS = 10_000_000_000L;
    private static final Reason[] REASONS = Reason.values();

    private final Logger log;
    private final String subject;
    private final long[] windowStart = new long[REASONS.length];
    private final long[] suppressed = new long[REASONS.length];
    private final boolean[] open = new boolean[REASONS.length];
    private long nextFlush = VrrpInstance.NEVER;

    /** {@code subject}: the instance name, as the lines print it. */
    PacketLogLimiter(Logger log, String subject) {
        this.log = log;
        this.subject = subject;
    }

    /**
     * Whether a line for {@code reason} may be logged now. When not, the line is counted and
     * reported when its window ends.
     */
    boolean allow(Reason reason, long now) {
        int r = reason.ordinal();
        if (open[r] && now - windowStart[r] < WINDOW_NANOS) {
            if (suppressed[r]++ == 0) {
                nextFlush = Math.min(nextFlush, windowStart[r] + WINDOW_NANOS);
            }
            return false;
        }
        report(r, now);
        open[r] = true;
        windowStart[r] = now;
        return true;
    }

    /** When {@link #flush} next has a summary to log; {@link VrrpInstance#NEVER} when none. */
    long nextFlush() {
        return nextFlush;
    }

    /** Logs the summary of every window that has ended with lines suppressed. */
    void flush(long now) {
        if (now < nextFlush) {
            return;
        }
        nextFlush = VrrpInstance.NEVER;
        for (int r = 0; r < REASONS.length; r++) {
            if (suppressed[r] == 0) {
                continue;
            }
            if (now - windowStart[r] >= WINDOW_NANOS) {
                report(r, now);
                // a new window starts with the summary, so a steady flood gives one summary per window
                windowStart[r] = now;
            } else {
                nextFlush = Math.min(nextFlush, windowStart[r] + WINDOW_NANOS);
            }
        }
    }

    private void report(int r, long now) {
        long n = suppressed[r];
        if (n > 0) {
            suppressed[r] = 0;
            log.info("({}) {} more '{}' lines suppressed in the last {} s", subject, n, REASONS[r].label(),
                    Math.max(1, (now - windowStart[r] + 500_000_000L) / 1_000_000_000L));
        }
    }
}
