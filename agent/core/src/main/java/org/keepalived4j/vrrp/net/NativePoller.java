package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.keepalived4j.linux.EventFd;
import org.keepalived4j.linux.PollSet;
import org.keepalived4j.linux.SyscallException;

/**
 * {@link Poller} on {@code ppoll} (nanosecond timeouts) with an eventfd for wake-ups. The
 * pollfd array is rebuilt only after registrations change, so a steady-state poll allocates
 * nothing.
 */
public final class NativePoller implements Poller {

    private final EventFd wake;
    private final PollSet pollSet = new PollSet(16);
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Object wakeLock = new Object();
    private boolean closed;
    private final List<Entry> entries = new ArrayList<>();
    private Entry[] polled = new Entry[0];
    private boolean changed = true;

    private NativePoller(EventFd wake) {
        this.wake = wake;
    }

    /** Creates a poller with its wake-up eventfd. */
    public static NativePoller open() throws SyscallException {
        return new NativePoller(EventFd.open());
    }

    @Override
    public PollRegistration register(int fd, ReadyHandler handler) {
        for (Entry entry : entries) {
            if (entry.fd == fd) {
                throw new IllegalArgumentException("fd " + fd + " is already registered");
            }
        }
        Entry entry = new Entry(fd, handler);
        entries.add(entry);
        changed = true;
        return entry;
    }

    @Override
    public int poll(long timeoutNanos) throws IOException {
        if (changed) {
            rebuild();
        }
        int ready = pollSet.poll(timeoutNanos);
        if (ready == 0) {
            return 0;
        }
        if (pollSet.readyEvents(0) != 0) {
            wakePending.set(false);
            wake.drain();
        }
        int called = 0;
        for (int slot = 1; slot <= polled.length; slot++) {
            int events = pollSet.readyEvents(slot);
            Entry entry = polled[slot - 1];
            if (events != 0 && entry.active) {
                called++;
                entry.handler.ready(entry.fd, (events & PollSet.FAILED) != 0);
            }
        }
        return called;
    }

    /**
     * {@inheritDoc} After {@link #close()} it does nothing: the lock makes sure the eventfd is
     * never written once closed, when its number may already belong to another file.
     */
    @Override
    public void wakeup() {
        if (!wakePending.compareAndSet(false, true)) {
            return;
        }
        synchronized (wakeLock) {
            if (closed) {
                return;
            }
            try {
                wake.signal();
            } catch (SyscallException e) {
                wakePending.set(false);
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (wakeLock) {
            if (closed) {
                return;
            }
            closed = true;
            wake.close();
        }
        pollSet.close();
    }

    private void rebuild() {
        polled = entries.toArray(new Entry[0]);
        pollSet.resize(polled.length + 1);
        pollSet.set(0, wake.fd());
        for (int i = 0; i < polled.length; i++) {
            pollSet.set(i + 1, polled[i].fd);
        }
        changed = false;
    }

    private final class Entry implements PollRegistration {
        private final int fd;
        private final ReadyHandler handler;
        private boolean active = true;

        Entry(int fd, ReadyHandler handler) {
            this.fd = fd;
            this.handler = handler;
        }

        @Override
        public int fd() {
            return fd;
        }

        @Override
        public void close() {
            if (active) {
                active = false;
                entries.remove(this);
                changed = true;
            }
        }
    }
}
