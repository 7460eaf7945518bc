package org.keepalived4j.exporter.alerts;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.keepalived4j.exporter.alerts.spool.Spool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's delivery: its spool, and a thread of its own that hands the oldest waiting alert to
 * the sink until the sink takes it, waiting between attempts from {@code firstRetry} doubling up
 * to {@code maxRetry}. Alerts reach the sink in the order they were spooled, each acknowledged in
 * the spool only after the sink returned: at least once, never out of order. The daemon's
 * threads only append to the spool.
 */
final class SinkDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);

    private final AlertSink sink;
    private final AlertGate gate;
    private final Spool spool;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong spoolErrors = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastErrorTime;
    private volatile boolean stopping;

    SinkDelivery(AlertSink sink, Spool spool, Clock clock, Duration firstRetry, Duration maxRetry) {
        this(sink, new AlertGate(sink.name(), java.util.List.of()), spool, clock, firstRetry, maxRetry);
    }

    SinkDelivery(AlertSink sink, AlertGate gate, Spool spool, Clock clock, Duration firstRetry, Duration maxRetry) {
        this.sink = sink;
        this.gate = gate;
        this.spool = spool;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.thread = new Thread(this::run, "alerts-" + sink.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String name() {
        return sink.name();
    }

    AlertSink sink() {
        return sink;
    }

    /**
     * Spools the alert when the sink wants it and its routes let it through (with a summary of
     * what they held back, when this alert's time ended a window). Never blocks on the sink; an
     * alert the disk refuses is logged lost.
     */
    synchronized void offer(Alert alert) {
        if (!sink.accepts(alert)) {
            return;
        }
        gate.admit(alert, clock.instant()).forEach(this::spool);
    }

    /** Spools the summaries of the routes' windows that have ended; called every second or so. */
    synchronized void tick() {
        gate.due(clock.instant()).forEach(this::spool);
    }

    /** Spools every summary still pending (before a stop): what was held back is summed up, not lost. */
    synchronized void flushHeld() {
        gate.flush(clock.instant()).forEach(this::spool);
    }

    private void spool(Alert alert) {
        try {
            spool.append(alert);
        } catch (IOException | RuntimeException e) {
            spoolErrors.incrementAndGet();
            LOG.error("alert sink {}: alert {} ({} {}) lost, the spool refused it: {}", sink.name(), alert.id(),
                    alert.name(), alert.to(), e.toString());
        }
    }

    private void run() {
        Duration backoff = firstRetry;
        while (!stopping) {
            Spool.Entry head;
            try {
                head = spool.head(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("alert sink {}: the spool failed: {}", sink.name(), e.toString());
                if (!pause(maxRetry)) {
                    return;
                }
                continue;
            }
            if (head == null || stopping) {
                continue;
            }
            if (attempt(head)) {
                backoff = firstRetry;
                continue;
            }
            retried.incrementAndGet();
            if (!pause(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : backoff.multipliedBy(2);
        }
    }

    private boolean attempt(Spool.Entry head) {
        try {
            sink.deliver(head.alert());
        } catch (Exception | LinkageError e) {
            failed.incrementAndGet();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!error.equals(lastError)) {
                LOG.warn("alert sink {}: delivery of {} failed, retrying: {}", sink.name(), head.alert().id(), error);
            }
            lastError = error;
            lastErrorTime = clock.instant();
            return false;
        }
        if (lastError != null && failed.get() > 0) {
            LOG.info("alert sink {}: delivering again", sink.name());
        }
        lastError = null;
        sent.incrementAndGet();
        try {
            spool.acknowledge(head.sequence());
        } catch (IOException e) {
            // delivered but not recorded: it goes out again after a restart, which at-least-once allows
            spoolErrors.incrementAndGet();
            LOG.error("alert sink {}: could not record the delivery of {}: {}", sink.name(), head.alert().id(),
                    e.toString());
        }
        return true;
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** What the sink has done, for Prometheus and JMX. */
    SinkStatus status() {
        Instant oldest = spool.oldest();
        return new SinkStatus(sink.name(), sent.get(), failed.get(), retried.get(), spool.dropped() + spoolErrors.get(),
                gate.held(),
                spool.queued(), spool.bytes(), oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()),
                lastError, lastErrorTime);
    }

    /** Stops the thread (an attempt under way is interrupted); what is still spooled stays for the next start. */
    @Override
    public void close() {
        stopping = true;
        spool.wakeUp();
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spool.close();
        try {
            sink.close();
        } catch (Exception e) {
            LOG.debug("alert sink {}: closing: {}", sink.name(), e.toString());
        }
    }
}
