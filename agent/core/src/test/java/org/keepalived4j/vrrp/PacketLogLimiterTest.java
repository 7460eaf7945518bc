package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.vrrp.PacketLogLimiter.Reason;
import org.slf4j.LoggerFactory;

class PacketLogLimiterTest {

    private static final long S = 1_000_000_000L;
    private final Logger logger = (Logger) LoggerFactory.getLogger("packet-log-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private PacketLogLimiter limiter;

    @BeforeEach
    void capture() {
        lines.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
        limiter = new PacketLogLimiter(logger, "VI_1");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void theFirstLineOfAWindowPassesAndTheRestAreCountedInOneSummary() {
        assertThat(limiter.allow(Reason.TTL, 0)).isTrue();
        for (int i = 1; i <= 100_000; i++) {
            assertThat(limiter.allow(Reason.TTL, i * 50_000L)).isFalse();
        }
        assertThat(messages()).isEmpty();
        assertThat(limiter.nextFlush()).isEqualTo(10 * S);

        limiter.flush(10 * S);
        assertThat(messages()).containsExactly("(VI_1) 100000 more 'invalid TTL/HL' lines suppressed in the last 10 s");
        assertThat(limiter.nextFlush()).isEqualTo(VrrpInstance.NEVER);
    }

    @Test
    void eachReasonHasItsOwnWindow() {
        assertThat(limiter.allow(Reason.TTL, 0)).isTrue();
        assertThat(limiter.allow(Reason.AUTH_FAILURE, 1)).isTrue();
        assertThat(limiter.allow(Reason.TTL, 2)).isFalse();
        assertThat(limiter.allow(Reason.AUTH_FAILURE, 3)).isFalse();
    }

    @Test
    void aLineAfterTheWindowReportsWhatWasSuppressedBeforeIt() {
        limiter.allow(Reason.CHECKSUM, 0);
        limiter.allow(Reason.CHECKSUM, S);
        limiter.allow(Reason.CHECKSUM, 2 * S);
        assertThat(limiter.allow(Reason.CHECKSUM, 12 * S)).isTrue();
        assertThat(messages()).containsExactly("(VI_1) 2 more 'invalid checksum' lines suppressed in the last 12 s");
        limiter.flush(13 * S);
        assertThat(messages()).hasSize(1);
        assertThat(limiter.nextFlush()).isEqualTo(VrrpInstance.NEVER);
    }

    @Test
    void aSteadyFloodGivesAtMostOneLineAndOneSummaryPerWindow() {
        long now = 0;
        for (int i = 0; i < 60_000; i++, now += 1_000_000L) { // 60 s at 1,000 packets a second
            if (limiter.allow(Reason.LOWER_PRIORITY, now)) {
                lines.list.add(null); // stands for the caller's line
            }
            if (now >= limiter.nextFlush()) {
                limiter.flush(now);
            }
        }
        long callerLines = lines.list.stream().filter(e -> e == null).count();
        long summaries = lines.list.stream().filter(e -> e != null).count();
        assertThat(callerLines).isBetween(1L, 6L);
        assertThat(summaries).isBetween(5L, 6L);
        assertThat(callerLines + summaries).isLessThanOrEqualTo(12);
    }

    @Test
    void flushBeforeTheWindowEndsLogsNothing() {
        limiter.allow(Reason.VERSION, 0);
        limiter.allow(Reason.VERSION, 1);
        limiter.flush(9 * S);
        assertThat(messages()).isEmpty();
        assertThat(limiter.nextFlush()).isEqualTo(10 * S);
    }
}
