package org.keepalived4j.vrrp.net;

import java.io.IOException;

/**
 * The one wait of the VRRP loop: all VRRP sockets, the link monitor and a wake-up descriptor,
 * polled together with a timeout equal to the next timer deadline.
 *
 * <p>{@link #register}, {@link #poll} and {@link #close} belong to the loop thread; only
 * {@link #wakeup()} may be called from other threads. Handlers run inside {@link #poll} on the
 * loop thread and may register or unregister descriptors. Readiness is level-triggered: a
 * handler that leaves data queued is called again on the next poll.
 */
public interface Poller extends AutoCloseable {

    /**
     * Watches {@code fd} for readability. The poller does not own the descriptor.
     *
     * @throws IllegalArgumentException if {@code fd} is already registered
     */
    PollRegistration register(int fd, ReadyHandler handler);

    /**
     * Waits until a registered descriptor is ready, {@link #wakeup()} is called, or
     * {@code timeoutNanos} passes (0 only checks), then calls the handlers of ready descriptors.
     *
     * @return how many handlers were called (0 on timeout or a bare wake-up)
     */
    int poll(long timeoutNanos) throws IOException;

    /**
     * Makes the current or the next {@link #poll} return promptly. Thread-safe, non-blocking;
     * wake-ups that arrive before the loop gets to poll again are merged into one.
     */
    void wakeup();

    /** Releases the wake-up descriptor; registered descriptors are left open. */
    @Override
    void close();
}
