package org.keepalived4j.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keepalived4j.linux.BackgroundPriority;
import org.keepalived4j.model.EventsMissed;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one event log: every event gets the next sequence number and a place in a ring
 * of the last {@code capacity} events; each subscriber reads the ring at its own cursor, on a
 * thread of its own. Emitting never waits for a subscriber, and no subscriber waits for
 * another: one that falls behind by more than the ring holds is told what it missed
 * ({@link EventsMissed}) and carries on from the oldest event still held. Memory is the ring,
 * however many subscribers there are and however slow.
 *
 * <p>{@link #close} lets every subscriber read to the end of the log, waiting for them as long
 * as a bound allows, then stops them: the daemon emits its last event
 * ({@link org.keepalived4j.model.DaemonStopping}) just before.
 */
public final class EventLog implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final StateEvent[] ring;
    private final Clock clock;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    /** The sequence number the next event gets; the first event is 1. Guarded by this. */
    private long next = 1;
    private boolean closed;

    public EventLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new StateEvent[capacity];
        this.clock = clock;
    }

    @Override
    public synchronized void emit(StateEvent event) {
        if (closed) {
            LOG.debug("event after close dropped: {}", event.getClass().getSimpleName());
            return;
        }
        ring[slot(next)] = event;
        next++;
        notifyAll();
    }

    /** The sequence number of the last event emitted (0 before the first). */
    public synchronized long lastSequence() {
        return next - 1;
    }

    /**
     * Delivers every event emitted from now on to {@code listener}, on a thread of its own
     * named {@code events-NAME}. Close the returned handle to stop (what is not yet read is then
     * not delivered).
     */
    public AutoCloseable subscribe(StateListener listener, String name) {
        return subscribe(listener, name, false);
    }

    /**
     * As {@link #subscribe(StateListener, String)}; with {@code fromStart}, the first events are
     * the log's first, those it no longer holds reported as one {@link EventsMissed}.
     */
    public AutoCloseable subscribe(StateListener listener, String name, boolean fromStart) {
        return subscribe(listener, name, fromStart, false);
    }

    /**
     * As {@link #subscribe(StateListener, String, boolean)}; with {@code background}, the
     * subscriber's thread runs at {@link BackgroundPriority}, yielding the CPU to the VRRP thread.
     */
    public AutoCloseable subscribe(StateListener listener, String name, boolean fromStart, boolean background) {
        Reader reader;
        synchronized (this) {
            reader = new Reader(listener, name, fromStart ? 1 : next, background);
        }
        readers.add(reader);
        reader.thread.start();
        return reader;
    }

    /**
     * Ends the log: no more events are taken, every subscriber reads what it has not yet read,
     * and is waited for up to {@code bound} in all; those still reading then are stopped, and
     * what they did not get is logged.
     */
    public void close(Duration bound) {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        long deadline = System.nanoTime() + bound.toNanos();
        for (Reader reader : readers) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                reader.thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.thread.isAlive()) {
                long unread;
                synchronized (this) {
                    unread = next - reader.cursor;
                }
                LOG.warn("event subscriber {} still busy at shutdown; {} event(s) not delivered to it", reader.name,
                        unread);
                reader.stop();
            }
        }
        readers.clear();
    }

    private int slot(long sequence) {
        return (int) (sequence % ring.length);
    }

    /** One subscriber: its cursor and its thread. */
    private final class Reader implements AutoCloseable, Runnable {

        private final StateListener listener;
        private final String name;
        private final Thread thread;
        private final boolean background;
        /** The sequence number of the next event to deliver. Guarded by the log. */
        private long cursor;
        private boolean stopped;

        Reader(StateListener listener, String name, long cursor, boolean background) {
            this.listener = listener;
            this.background = background;
            this.name = name;
            this.cursor = cursor;
            this.thread = new Thread(this, "events-" + name);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            if (background) {
                BackgroundPriority.lowerCurrentThread();
            }
            while (true) {
                long sequence;
                StateEvent event;
                EventsMissed missed = null;
                synchronized (EventLog.this) {
                    while (!stopped && cursor == next && !closed) {
                        try {
                            EventLog.this.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (stopped || cursor == next) {
                        return;
                    }
                    long oldest = Math.max(1, next - ring.length);
                    if (cursor < oldest) {
                        missed = new EventsMissed(cursor, oldest - 1, clock.instant());
                        cursor = oldest;
                    }
                    sequence = cursor++;
                    event = ring[slot(sequence)];
                }
                if (missed != null) {
                    LOG.warn("event subscriber {} fell behind: {} event(s) missed", name, missed.count());
                    deliver(0, missed);
                }
                deliver(sequence, event);
            }
        }

        private void deliver(long sequence, StateEvent event) {
            try {
                listener.onEvent(sequence, event);
            } catch (RuntimeException | Error e) {
                LOG.warn("event subscriber {} failed on {}", name, event.getClass().getSimpleName(), e);
            }
        }

        void stop() {
            synchronized (EventLog.this) {
                stopped = true;
                EventLog.this.notifyAll();
            }
            thread.interrupt();
        }

        @Override
        public void close() {
            readers.remove(this);
            stop();
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
