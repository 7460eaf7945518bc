package org.keepalived4j.exporter.http;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Where a handler thread waits until its connection takes more bytes: Netty says a channel is
 * unwritable once more than its high-water mark is queued, and signals when it drains or
 * closes. Waiting here is what bounds a response's memory; the deadline is what bounds the
 * thread's wait.
 */
final class WritabilityGate {

    private final Object lock = new Object();

    /**
     * Returns once {@code channel} is writable; throws when it closed, or closes it and throws
     * when {@code deadlineNanos} ({@link System#nanoTime()}) passes first.
     */
    void await(Channel channel, long deadlineNanos) throws IOException {
        synchronized (lock) {
            while (channel.isActive() && !channel.isWritable()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    channel.close();
                    throw new IOException("the client did not read the response within write_timeout");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    channel.close();
                    throw new InterruptedIOException("interrupted while the client was reading the response");
                }
            }
        }
        if (!channel.isActive()) {
            // the connection's clock may have closed it for write_timeout a moment before this deadline
            throw new IOException(Boolean.TRUE.equals(channel.attr(ConnectionClock.WRITE_EXPIRED).get())
                    ? "the client did not read the response within write_timeout"
                    : "the connection is closed");
        }
    }

    /** Called on the event loop whenever writability changes or the channel closes. */
    void signal() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
