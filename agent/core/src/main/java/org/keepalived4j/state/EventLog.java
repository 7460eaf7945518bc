package org.keepalived4j.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
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

    /** An event in the ring with its sequence number, so that a reader can tell it was overwritten. */
    private record Slot(long sequence, StateEvent event) {
    }

    private final AtomicReferenceArray<Slot> ring;
    private final int capacity;
    private final Clock clock;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    /** Emitters take this, and only they: a reader never holds up the VRRP thread's emit. */
    private final Object emitters = new Object();
    /** The sequence number the next event gets; the first event is 1. Written under {@link #emitters}. */
    private volatile long next = 1;
    private volatile boolean closed;

    public EventLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Adds the event. Takes only the emitters' lock, which no reader takes; a reader that has
     * read everything and parked is unparked, once per time it parks. No lock a reader holds is
     * ever waited for here: a reader at a low priority, preempted at any point, cannot hold up
     * the VRRP thread.
     */
    @Override
    public void emit(StateEvent event) {
        synchronized (emitters) {
            if (closed) {
                LOG.debug("event after close dropped: {}", event.getClass().getSimpleName());
                return;
            }
            long sequence = next;
            ring.set(slot(sequence), new Slot(sequence, event));
            next = sequence + 1;
        }
        wakeReaders();
    }

    private void wakeReaders() {
        for (Reader reader : readers) {
            reader.wake();
        }
    }

    /** The sequence number of the last event emitted (0 before the first). */
    public long lastSequence() {
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
        synchronized (emitters) {
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
        synchronized (emitters) {
            closed = true;
        }
        wakeReaders();
        long deadline = System.nanoTime() + bound.toNanos();
        for (Reader reader : readers) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                reader.thread.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.thread.isAlive()) {
                long unread = next - reader.cursor;
                LOG.warn("event subscriber {} still busy at shutdown; {} event(s) not delivered to it", reader.name,
                        unread);
                reader.stop();
            }
        }
        readers.clear();
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }

    /** One subscriber: its cursor and its thread. */
    private final class Reader implements AutoCloseable, Runnable {

        private final StateListener listener;
        private final String name;
        private final Thread thread;
        private final boolean background;
        /** The sequence number of the next event to deliver; written by the reader's thread only. */
        private volatile long cursor;
        private volatile boolean stopped;
        /** Set by the reader before it parks; whoever clears it unparks the reader. */
        private final AtomicBoolean parked = new AtomicBoolean();

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
                long published = next;
                if (stopped) {
                    return;
                }
                if (cursor == published) {
                    if (closed) {
                        if (cursor == next) {
                            return; // read to the end: nothing is emitted after close
                        }
                        continue;
                    }
                    if (!awaitEvent()) {
                        return;
                    }
                    continue;
                }
                long oldest = Math.max(1, published - capacity);
                if (cursor < oldest) {
                    EventsMissed missed = new EventsMissed(cursor, oldest - 1, clock.instant());
                    cursor = oldest;
                    LOG.warn("event subscriber {} fell behind: {} event(s) missed", name, missed.count());
                    deliver(0, missed);
                    continue;
                }
                long sequence = cursor;
                Slot slot = ring.get(slot(sequence));
                if (slot == null || slot.sequence() != sequence) {
                    continue; // overwritten since next was read: the check above reports it
                }
                cursor = sequence + 1;
                deliver(sequence, slot.event());
            }
        }

        /**
         * Parks until an event after the cursor is published, the log closes or the reader
         * stops; false when the thread was interrupted. The reader says it parks before it looks
         * at {@link #next} a last time, an emitter publishes before it looks whether the reader
         * parks: one of the two sees the other, so no event is left unseen.
         */
        private boolean awaitEvent() {
            parked.set(true);
            try {
                while (parked.get() && !stopped && cursor == next && !closed) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        return false;
                    }
                }
                return true;
            } finally {
                parked.set(false);
            }
        }

        /** Unparks the reader if it parked, once: the emitters' side of {@link #awaitEvent}. */
        void wake() {
            if (parked.get() && parked.compareAndSet(true, false)) {
                LockSupport.unpark(thread);
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
            stopped = true;
            LockSupport.unpark(thread);
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
