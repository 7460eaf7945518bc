package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keepalived4j.vrrp.net.PollRegistration;
import org.keepalived4j.vrrp.net.Poller;
import org.keepalived4j.vrrp.net.ReadyHandler;

/** A due timer fires only after what arrived before it was due has been read. */
class TimerTurnTest {

    private static final long MS = 1_000_000L;
    private static final long MASTER_DOWN = 72 * MS;

    private final AtomicLong clock = new AtomicLong();
    private final List<String> steps = new ArrayList<>();
    /** The arrival time of an advert queued in the socket and not read yet, or -1. */
    private long queuedAdvert = -1;
    private long masterDownAt = MASTER_DOWN;

    private final TimerTurn.Timers backup = new TimerTurn.Timers() {
        @Override
        public long nextDeadline() {
            return masterDownAt;
        }

        @Override
        public void fireTimers(long now) {
            if (masterDownAt <= now) {
                steps.add("took over at " + now / MS + " ms");
                masterDownAt = Long.MAX_VALUE;
            }
        }
    };

    private final Poller socket = new Poller() {
        @Override
        public PollRegistration register(int fd, ReadyHandler handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int poll(long timeoutNanos) {
            steps.add("poll " + timeoutNanos);
            if (queuedAdvert < 0) {
                return 0;
            }
            // the advert is read now: the master is alive, its timer starts again from the read
            masterDownAt = clock.get() + MASTER_DOWN;
            queuedAdvert = -1;
            return 1;
        }

        @Override
        public void wakeup() {
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aLoopHeldUpAfterItsPollReadsTheAdvertThatCameMeanwhileInsteadOfTakingOver() throws Exception {
        // the loop read the socket at 10 ms, then stood still for 600 ms; the master's adverts kept
        // coming and wait in the socket
        clock.set(610 * MS);
        queuedAdvert = 600 * MS;
        TimerTurn.fire(socket, clock::get, backup);
        assertThat(steps).containsExactly("poll 0");
        assertThat(masterDownAt).isEqualTo(610 * MS + MASTER_DOWN);
    }

    @Test
    void aMasterThatFellSilentIsTakenOverFrom() throws Exception {
        clock.set(100 * MS);
        TimerTurn.fire(socket, clock::get, backup);
        assertThat(steps).containsExactly("poll 0", "took over at 100 ms");
    }

    @Test
    void nothingDueCostsNoPoll() throws Exception {
        clock.set(50 * MS);
        TimerTurn.fire(socket, clock::get, backup);
        assertThat(steps).isEmpty();
    }
}
