package org.keepalived4j.exporter.snmp.agent;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * One kind of line that a stream of packets or notifications can repeat (a refused request, a
 * lost inform), kept to one line per window however fast they come. The first line of a window
 * is logged at once, so an alert on it still fires; the lines after it are counted, and the next
 * line logged says how many were left out. The counters count every event whatever this logs.
 * Thread-safe.
 */
final class RepeatedLog {

    private final Logger log;
    private final Clock clock;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private long suppressed;

    RepeatedLog(Logger log, Clock clock, Duration window) {
        this.log = log;
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    /** Logs {@code message} as a warning with its {@code args} unless a line was logged in this window. */
    void warn(String message, Object... args) {
        long left;
        synchronized (this) {
            long now = clock.millis();
            if (windowStart != Long.MIN_VALUE && now - windowStart < windowMillis && now >= windowStart) {
                suppressed++;
                return;
            }
            windowStart = now;
            left = suppressed;
            suppressed = 0;
        }
        if (left > 0) {
            log.warn(message + " ({} more like this since the last such line)", append(args, left));
        } else {
            log.warn(message, args);
        }
    }

    private static Object[] append(Object[] args, Object... more) {
        Object[] all = new Object[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
