package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketTableTest {

    private static final long READ_AT = 10_000_000_000L;

    @Test
    void anAdvertCountsFromItsArrivalNotFromWhenTheLoopReadIt() {
        assertThat(SocketTable.arrivalNanos(READ_AT, 650_000L)).isEqualTo(READ_AT - 650_000L);
    }

    @Test
    void withoutAnArrivalTimeTheReadTimeStands() {
        assertThat(SocketTable.arrivalNanos(READ_AT, -1)).isEqualTo(READ_AT);
        assertThat(SocketTable.arrivalNanos(READ_AT, 0)).isEqualTo(READ_AT);
    }

    @Test
    void aWallClockStepBackwardsDoesNotPutTheArrivalAfterTheRead() {
        assertThat(SocketTable.arrivalNanos(READ_AT, -3_600_000_000_000L)).isEqualTo(READ_AT);
    }

    @Test
    void aWallClockStepForwardsMovesTheArrivalBackByNoMoreThanTheBound() {
        assertThat(SocketTable.arrivalNanos(READ_AT, 3_600_000_000_000L))
                .isEqualTo(READ_AT - SocketTable.MAX_QUEUED_NANOS);
        assertThat(SocketTable.MAX_QUEUED_NANOS)
                .as("well below the shortest Master_Down_Interval (advert_int 0.01 s: 3 adverts + skew)")
                .isLessThan(30_000_000L);
    }
}
