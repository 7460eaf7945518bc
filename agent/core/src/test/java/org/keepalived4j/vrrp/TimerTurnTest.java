package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A due timer fires only after what arrived before it was due has been read. */
class TimerTurnTest {

    private static final long MS = 1_000_000L;
    private static final long MASTER_DOWN = 72 * MS;

    private final AtomicLong clock = new AtomicLong();
    private final List<String> steps = new ArrayList<>();
    /** The arrival time of an advert queued in the socket and not read yet, or -1. */
    private long queuedAdvert = -1;
    private long masterDownAt = MASTER_DOWN;

    /** The backup's timers: takes over when its Master_Down_Timer is due. */
    private void fireTimers(long now) {
        if (masterDownAt <= now) {
            steps.add("took over at " + now / MS + " ms");
            masterDownAt = Long.MAX_VALUE;
        }
    }

    /** The socket read without waiting: an advert queued there resets the timer from the read. */
    private void readQueued() {
        steps.add("poll 0");
        if (queuedAdvert >= 0) {
            masterDownAt = clock.get() + MASTER_DOWN;
            queuedAdvert = -1;
        }
    }

    private void turn() throws Exception {
        // the deadline the loop waited for, from before it was held up
        TimerTurn.fire(masterDownAt, clock::get, this::readQueued, this::fireTimers);
    }

    @Test
    void aLoopHeldUpAfterItsPollReadsTheAdvertThatCameMeanwhileInsteadOfTakingOver() throws Exception {
        // the loop read the socket at 10 ms, then stood still for 600 ms; the master's adverts kept
        // coming and wait in the socket
        clock.set(610 * MS);
        queuedAdvert = 600 * MS;
        turn();
        assertThat(steps).containsExactly("poll 0");
        assertThat(masterDownAt).isEqualTo(610 * MS + MASTER_DOWN);
    }

    @Test
    void aMasterThatFellSilentIsTakenOverFrom() throws Exception {
        clock.set(100 * MS);
        turn();
        assertThat(steps).containsExactly("poll 0", "took over at 100 ms");
    }

    @Test
    void nothingDueCostsNoPoll() throws Exception {
        clock.set(50 * MS);
        turn();
        assertThat(steps).isEmpty();
    }
}
