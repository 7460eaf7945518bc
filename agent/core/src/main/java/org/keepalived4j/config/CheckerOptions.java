package org.keepalived4j.config;

/**
 * The options every checker has (except FILE_CHECK and BFD_CHECK), with keepalived's
 * inheritance applied: a value not given in the checker comes from its real server, which
 * takes it from its virtual server, else the checker type's default.
 *
 * @param alpha the checker starts in the failed state and needs one success to come up
 * @param retry how many more attempts after a failure before the checker reports down
 * @param delayBeforeRetryMicros the delay before such a retry
 * @param delayLoopMicros the interval between checks
 * @param warmupMicros the largest random delay before the first check (0: start at once)
 * @param logAllFailures log every failure, not only state changes
 */
public record CheckerOptions(boolean alpha, int retry, long delayBeforeRetryMicros, long delayLoopMicros,
        long warmupMicros, boolean logAllFailures) {
}
