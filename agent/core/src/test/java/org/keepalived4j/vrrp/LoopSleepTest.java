package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How long the VRRP loop sleeps before a deadline. */
class LoopSleepTest {

    private static final long MS = 1_000_000L;

    @Test
    void aDeadlineDueOrPastMeansNoSleep() {
        assertThat(VrrpEngine.sleepBefore(100, 100)).isZero();
        assertThat(VrrpEngine.sleepBefore(100, 200)).isZero();
    }

    @Test
    void shortSleepsRunToTheDeadline() {
        assertThat(VrrpEngine.sleepBefore(20 * MS, 0)).isEqualTo(20 * MS);
    }

    @Test
    void longSleepsEndEarlySoThatTheLastStretchIsSpentAwake() {
        assertThat(VrrpEngine.sleepBefore(600 * MS, 0)).isEqualTo(600 * MS - VrrpEngine.PRE_WAKE_NANOS);
    }

    @Test
    void nothingSleepsLongerThanASecond() {
        assertThat(VrrpEngine.sleepBefore(VrrpInstance.NEVER, 0)).isEqualTo(1_000 * MS);
    }

    @Test
    void onlyAPreWokenSleepLeadsToSpinning() {
        long pre = VrrpEngine.sleepBefore(600 * MS, 0);
        assertThat(VrrpEngine.endsEarly(600 * MS, 0, pre)).isTrue();
        // capped at a second, seconds before the deadline: sleep again, do not spin
        long capped = VrrpEngine.sleepBefore(3_600 * MS, 0);
        assertThat(VrrpEngine.endsEarly(3_600 * MS, 0, capped)).isFalse();
        assertThat(VrrpEngine.endsEarly(20 * MS, 0, VrrpEngine.sleepBefore(20 * MS, 0))).isFalse();
    }
}
