package org.keepalived4j.config;

/**
 * The checker timing a {@code virtual_server} or {@code real_server} block sets for its
 * checkers (each checker may override it): what keepalived keeps on the server itself.
 *
 * @param alpha {@code alpha}
 * @param retry {@code retry}, or {@code null} when not set
 * @param delayBeforeRetryMicros {@code delay_before_retry}, or {@code null} when not set
 * @param warmupMicros {@code warmup}, or {@code null} when not set
 * @param delayLoopMicros {@code delay_loop}
 * @param connectTimeoutMicros {@code connect_timeout}
 */
public record CheckerDefaultsConfig(boolean alpha, Integer retry, Long delayBeforeRetryMicros, Long warmupMicros,
        long delayLoopMicros, long connectTimeoutMicros) {
}
