package org.keepalived4j.model;

import java.time.Duration;

/**
 * The health-check timing a virtual or real server gives its checkers (each checker may set its
 * own): {@code alpha}, {@code retry}, {@code delay_before_retry}, {@code warmup},
 * {@code delay_loop}, {@code connect_timeout}.
 *
 * @param alpha start a real server as down until a check succeeds
 * @param retry failed checks in a row before a real server is down, or {@code null} when not set
 *        (each checker type has its default)
 * @param delayBeforeRetry the delay between those retries, or {@code null} when not set (the delay loop)
 * @param warmup the longest random delay before the first check, or {@code null} when not set
 * @param delayLoop the interval between checks
 * @param connectTimeout the checkers' connection timeout
 */
public record CheckerDefaults(boolean alpha, Integer retry, Duration delayBeforeRetry, Duration warmup, Duration delayLoop,
        Duration connectTimeout) {
}
