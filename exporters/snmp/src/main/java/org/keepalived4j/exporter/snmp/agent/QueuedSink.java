package org.keepalived4j.exporter.snmp.agent;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination's queue and the thread that empties it: {@link #send} only queues, so a
 * receiver that is slow, dead or never acknowledges delays nobody but itself. When the queue is
 * full the oldest notification is dropped (the newest tells the current state), counted and
 * logged at most once a window.
 */
final class QueuedSink implements NotificationSink {

    /** What delivers one notification, blocking the sink's thread as long as it takes. */
    interface Delivery extends AutoCloseable {

        void deliver(Notification notification);

        @Override
        void close();
    }

    /** Enough for every notification of a burst of state changes; a few hundred bytes each. */
    static final int CAPACITY = 1000;
    /** How long close() lets the queue drain (the traps of a stopping daemon) before giving up. */
    static final Duration DRAIN = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(QueuedSink.class);

    private final String name;
    private final Delivery delivery;
    private final RepeatedLog overflowLog;
    private final BlockingQueue<Notification> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    QueuedSink(String name, Delivery delivery, int capacity, RepeatedLog overflowLog) {
        this.name = name;
        this.delivery = delivery;
        this.overflowLog = overflowLog;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "keepalived4j-snmp-sink " + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void send(Notification notification) {
        if (closed) {
            return;
        }
        while (!queue.offer(notification)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
                overflowLog.warn("SNMP notification to {} dropped: {} undelivered ones queued, the oldest goes",
                        name, queue.size() + 1);
            }
        }
    }

    /** Notifications dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!(closed && queue.isEmpty())) {
            Notification n;
            try {
                n = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (n == null) {
                continue;
            }
            try {
                delivery.deliver(n);
            } catch (RuntimeException e) {
                LOG.warn("SNMP notification to {} failed", name, e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warn("SNMP sink {} closed with {} notifications undelivered", name, queue.size());
        }
        delivery.close(); // ends an inform waiting for its acknowledgement
        thread.interrupt();
    }
}
