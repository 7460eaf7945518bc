package org.keepalived4j.vrrp;

import java.io.IOException;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The timer half of a VRRP loop turn. A timer due at {@code now} may fire only if nothing that
 * arrived before {@code now} would have stopped it: a backup's Master_Down_Timer must not fire
 * while the master's advert waits unread in a socket. The loop reads its sockets when its poll
 * returns, but the thread can be held up between that read and the moment it looks at the clock
 * (descheduled on a busy machine, stopped by SIGSTOP, a long safepoint): whatever came in
 * meanwhile is queued but not read. So when the deadline the loop waited for has passed, the
 * sockets are read once more, without waiting, after the clock was read; every packet queued
 * before that reading is processed before the timers it may reset are compared with it.
 */
final class TimerTurn {

    /** Reads what the sockets hold, without waiting. */
    interface Reader {
        void readQueued() throws IOException;
    }

    private TimerTurn() {
    }

    /**
     * Fires what is due now ({@code timers}), after reading what arrived before now when
     * {@code deadline}, the earliest one the loop waited for, has passed.
     */
    static void fire(long deadline, LongSupplier clock, Reader reader, LongConsumer timers) throws IOException {
        long now = clock.getAsLong();
        if (deadline <= now) {
            reader.readQueued();
        }
        timers.accept(now);
    }
}
