package org.keepalived4j.exporter.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * What one alert sink has done since the daemon started.
 *
 * @param sink its name
 * @param sent alerts delivered
 * @param failed delivery attempts that failed
 * @param retried attempts repeated after a failure
 * @param dropped alerts given up undelivered (over the spool's size or age bound, unreadable,
 *        refused by the disk, or never deliverable: a notify script that cannot start)
 * @param held alerts its routes held back (identical repeats, flap damping, rate limit); what
 *        damping and the rate limit held back went out as summaries
 * @param queued alerts waiting now
 * @param spoolBytes the spool's size on disk
 * @param oldestUndelivered how long the oldest waiting alert has waited ({@link Duration#ZERO} when none)
 * @param lastError what the last failed attempt said, or {@code null} after a success
 * @param lastErrorTime when it failed, or {@code null}
 */
public record SinkStatus(String sink, long sent, long failed, long retried, long dropped, long held, int queued, long spoolBytes,
        Duration oldestUndelivered, String lastError, Instant lastErrorTime) {
}
