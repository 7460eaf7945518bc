package org.keepalived4j.vrrp;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.keepalived4j.vrrp.net.Poller;

/**
 * The timer half of a VRRP loop turn. A timer due at {@code now} may fire only if nothing that
 * arrived before {@code now} would have stopped it: a backup's Master_Down_Timer must not fire
 * while the master's advert waits unread in a socket. The loop reads its sockets when its poll
 * returns, but the thread can be held up between that read and the moment it looks at the clock
 * (descheduled on a busy machine, stopped by SIGSTOP, a long safepoint): whatever came in
 * meanwhile is queued but not read. So when a timer is due the sockets are polled once more,
 * without waiting, after the clock was read; every packet queued before that reading is
 * processed before the timers it may reset are compared with it.
 */
final class TimerTurn {

    /** The timers of the loop's state. */
    interface Timers {
        /** The earliest deadline, on the loop's clock. */
        long nextDeadline();

        /** Fires every timer due at {@code now}. */
        void fireTimers(long now);
    }

    private TimerTurn() {
    }

    /** Fires what is due now, after reading what arrived before now. */
    static void fire(Poller poller, LongSupplier clock, Timers timers) throws IOException {
        long now = clock.getAsLong();
        if (timers.nextDeadline() <= now) {
            poller.poll(0);
        }
        timers.fireTimers(now);
    }
}
