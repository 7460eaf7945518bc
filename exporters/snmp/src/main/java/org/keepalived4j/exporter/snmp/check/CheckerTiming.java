package org.keepalived4j.exporter.snmp.check;

import java.time.Duration;
import org.keepalived4j.model.CheckerDefaults;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.UnsignedInteger32;

/**
 * The checker timing columns virtualServerTable and realServerTable share (alpha, retry,
 * delay_before_retry, warmup, delay_loop, connect_timeout), valued as keepalived's check_snmp.c
 * values them: an unset retry, delay or warmup is 0; the seconds columns truncate; the Usec
 * columns hold microseconds.
 */
final class CheckerTiming {

    private final CheckerDefaults timing;

    CheckerTiming(CheckerDefaults timing) {
        this.timing = timing;
    }

    Integer32 alpha() {
        return CheckSection.truth(timing.alpha());
    }

    UnsignedInteger32 retry() {
        return TableRow.unsigned32(timing.retry() == null ? 0 : timing.retry());
    }

    UnsignedInteger32 delayBeforeRetry() {
        return seconds(timing.delayBeforeRetry());
    }

    UnsignedInteger32 warmup() {
        return seconds(timing.warmup());
    }

    UnsignedInteger32 delayLoop() {
        return seconds(timing.delayLoop());
    }

    UnsignedInteger32 delayBeforeRetryMicros() {
        return micros(timing.delayBeforeRetry());
    }

    UnsignedInteger32 warmupMicros() {
        return micros(timing.warmup());
    }

    UnsignedInteger32 delayLoopMicros() {
        return micros(timing.delayLoop());
    }

    UnsignedInteger32 connectTimeoutMicros() {
        return micros(timing.connectTimeout());
    }

    private static UnsignedInteger32 seconds(Duration d) {
        return TableRow.unsigned32(d == null ? 0 : d.toSeconds());
    }

    private static UnsignedInteger32 micros(Duration d) {
        return TableRow.unsigned32(d == null ? 0 : d.toNanos() / 1000);
    }
}
