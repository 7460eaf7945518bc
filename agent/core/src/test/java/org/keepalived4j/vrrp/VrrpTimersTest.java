package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VrrpTimersTest {

    /**
     * "Master down timer" of five instances as keepalived 2.2.7 printed it in its SIGUSR1 data
     * dump (a BACKUP instance in a network namespace): version, priority, advert_int,
     * down_timer_adverts, microseconds.
     */
    @Test
    void matchesMasterDownTimersKeepalivedReported() {
        assertThat(VrrpTimers.masterDownIntervalMicros(2, 100, 1_000_000, 3)).isEqualTo(3_609_375);
        assertThat(VrrpTimers.masterDownIntervalMicros(2, 150, 3_000_000, 5)).isEqualTo(15_414_062);
        assertThat(VrrpTimers.masterDownIntervalMicros(3, 120, 500_000, 3)).isEqualTo(1_765_625);
        assertThat(VrrpTimers.masterDownIntervalMicros(3, 201, 2_370_000, 3)).isEqualTo(7_619_179);
        assertThat(VrrpTimers.masterDownIntervalMicros(3, 37, 40_950_000, 100)).isEqualTo(4_130_031_445L);
    }

    @Test
    void v2SkewIsAFractionOfASecondIndependentOfTheInterval() {
        // RFC 3768 6.1: (256 - Priority) / 256 seconds, truncated to whole microseconds.
        assertThat(VrrpTimers.skewTimeMicros(2, 100, 1_000_000)).isEqualTo(609_375);
        assertThat(VrrpTimers.skewTimeMicros(2, 100, 7_000_000)).isEqualTo(609_375);
        assertThat(VrrpTimers.skewTimeMicros(2, 150, 1_000_000)).isEqualTo(414_062); // 414062.5
        assertThat(VrrpTimers.skewTimeMicros(2, 255, 1_000_000)).isEqualTo(3_906); // 3906.25
        assertThat(VrrpTimers.skewTimeMicros(2, 0, 1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void v3SkewScalesWithTheMastersIntervalInMicroseconds() {
        // RFC 5798 6.1: ((256 - Priority) * Master_Adver_Interval) / 256; keepalived keeps
        // microseconds where the RFC's centiseconds would truncate (255 * 1 cs / 256 = 0 cs).
        assertThat(VrrpTimers.skewTimeMicros(3, 100, 1_000_000)).isEqualTo(609_375);
        assertThat(VrrpTimers.skewTimeMicros(3, 100, 2_000_000)).isEqualTo(1_218_750);
        assertThat(VrrpTimers.skewTimeMicros(3, 1, 10_000)).isEqualTo(9_960); // 9960.9375
        assertThat(VrrpTimers.skewTimeMicros(3, 255, 10_000)).isEqualTo(39); // 39.0625
    }

    @Test
    void minimumSkewIsThatOfTheHighestPriority() {
        assertThat(VrrpTimers.minimumSkewMicros(2, 1_000_000)).isEqualTo(VrrpTimers.skewTimeMicros(2, 255, 0));
        assertThat(VrrpTimers.minimumSkewMicros(3, 500_000)).isEqualTo(VrrpTimers.skewTimeMicros(3, 255, 500_000))
                .isEqualTo(1_953);
    }

    @Test
    void masterDownIntervalUsesDownTimerAdverts() {
        assertThat(VrrpTimers.masterDownIntervalMicros(3, 100, 100_000, VrrpTimers.DEFAULT_DOWN_TIMER_ADVERTS))
                .isEqualTo(300_000 + 60_937);
        assertThat(VrrpTimers.masterDownIntervalMicros(3, 100, 100_000, 1)).isEqualTo(100_000 + 60_937);
        assertThatThrownBy(() -> VrrpTimers.masterDownIntervalMicros(3, 100, 100_000, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.masterDownIntervalMicros(3, 100, 100_000, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotWrapWhereKeepalivedsThirtyTwoBitTimerWould() {
        assertThat(VrrpTimers.masterDownIntervalMicros(2, 100, 255_000_000, 100)).isEqualTo(25_500_609_375L);
    }

    @Test
    void roundsConfiguredIntervalsLikeKeepalived() {
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(2, 0)).isEqualTo(1_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 0)).isEqualTo(1_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(2, 1_499_999)).isEqualTo(1_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(2, 1_500_000)).isEqualTo(2_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(2, 300_000)).isEqualTo(1_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(2, 255_000_000)).isEqualTo(255_000_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 15_000)).isEqualTo(20_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 14_999)).isEqualTo(10_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 1)).isEqualTo(10_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 40_950_000)).isEqualTo(40_950_000);
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 41_000_000)).isEqualTo(40_950_000);
        // keepalived would make this 4096 cs and send 0; stay within the 12-bit field instead.
        assertThat(VrrpTimers.effectiveAdvertIntervalMicros(3, 40_955_000)).isEqualTo(40_950_000);
    }

    @Test
    void refusesImpossibleArguments() {
        assertThatThrownBy(() -> VrrpTimers.skewTimeMicros(1, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.skewTimeMicros(2, 256, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.skewTimeMicros(3, 100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpTimers.effectiveAdvertIntervalMicros(3, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
