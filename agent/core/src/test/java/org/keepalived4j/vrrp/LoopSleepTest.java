package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.vrrp.LoopSleep.LONG_SLEEP_NANOS;
import static org.keepalived4j.vrrp.LoopSleep.MAX_SLEEP_NANOS;
import static org.keepalived4j.vrrp.LoopSleep.PRE_WAKE_NANOS;

import org.junit.jupiter.api.Test;

/** How long the VRRP loop sleeps before a deadline. */
class LoopSleepTest {

    private static final long MS = 1_000_000L;

    private final LoopSleep sleep = new LoopSleep();

    @Test
    void aDeadlineDueOrPastMeansNoSleep() {
        assertThat(sleep.timeout(100, 100)).isZero();
        assertThat(sleep.timeout(100, 200)).isZero();
    }

    @Test
    void shortSleepsRunToTheDeadline() {
        assertThat(sleep.timeout(20 * MS, 0)).isEqualTo(20 * MS);
        assertThat(sleep.timeout(20 * MS, 19_900_000L)).as("no spinning without a long sleep before")
                .isEqualTo(100_000L);
    }

    @Test
    void nothingSleepsLongerThanASecond() {
        assertThat(sleep.timeout(VrrpInstance.NEVER, 0)).isEqualTo(MAX_SLEEP_NANOS);
        assertThat(sleep.timeout(3_600 * MS, 0)).isEqualTo(MAX_SLEEP_NANOS);
    }

    @Test
    void aLongSleepEndsWhereAShortOneCanTakeOverPrecisely() {
        assertThat(sleep.timeout(600 * MS, 0)).isEqualTo(600 * MS - LONG_SLEEP_NANOS);
    }

    @Test
    void aDeadlineApproachedFromALongSleepIsWaitedForAwake() {
        long deadline = 3_609 * MS;
        long now = 0;
        now += sleep.timeout(deadline, now);
        now += sleep.timeout(deadline, now);
        now += sleep.timeout(deadline, now);
        now += sleep.timeout(deadline, now);
        assertThat(deadline - now).as("coarse steps stop this far away").isEqualTo(LONG_SLEEP_NANOS);

        now += 1 * MS; // the kernel ended the coarse sleep a millisecond late
        assertThat(sleep.timeout(deadline, now)).as("fine step")
                .isEqualTo(LONG_SLEEP_NANOS - 1 * MS - PRE_WAKE_NANOS);

        assertThat(sleep.timeout(deadline, deadline - PRE_WAKE_NANOS + 30_000L)).as("spin").isZero();
        assertThat(sleep.timeout(deadline, deadline - 1)).as("spin").isZero();
        assertThat(sleep.timeout(deadline, deadline)).as("due").isZero();
    }

    @Test
    void aDeadlineMovedDuringTheApproachIsSleptTo() {
        long deadline = 600 * MS;
        sleep.timeout(deadline, 0);
        long now = deadline - 40 * MS;
        // something else became due 20 ms from now, before the deadline being approached
        assertThat(sleep.timeout(now + 20 * MS, now)).isEqualTo(20 * MS);
    }
}
