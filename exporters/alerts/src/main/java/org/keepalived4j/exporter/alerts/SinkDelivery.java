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
 *
 * <p>An alert the spool refuses (a full or failing disk) is kept in memory instead, and so is
 * every alert after it until those kept have gone out, after what the spool held: nothing is
 * lost while the daemon runs (a notify script still runs on a full disk), only what is still in
 * memory at a crash. At a stop what is in memory is spooled if the disk takes it now. Memory holds
 * at most {@link #MEMORY_LIMIT} alerts; past that the oldest there is dropped, counted and logged.
 */
final class SinkDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);
    static final int MEMORY_LIMIT = 10_000;

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
    private final AtomicLong undeliverable = new AtomicLong();
    /** Alerts the spool refused, and those after them, in order; guarded by itself. */
    private final java.util.ArrayDeque<Alert> memory = new java.util.ArrayDeque<>();
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
        synchronized (memory) {
            if (memory.isEmpty()) {
                try {
                    spool.append(alert);
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.error("alert sink {}: the spool refused alert {} ({} {}), keeping it and those after it in "
                            + "memory until they have gone out: {}", sink.name(), alert.id(), alert.name(), alert.to(),
                            e.toString());
                }
            }
            if (memory.size() >= MEMORY_LIMIT) {
                Alert oldest = memory.pollFirst();
                spoolErrors.incrementAndGet();
                LOG.error("alert sink {}: alert {} ({} {}) lost, the spool refused it and memory holds {} already",
                        sink.name(), oldest.id(), oldest.name(), oldest.to(), MEMORY_LIMIT);
            }
            memory.addLast(alert);
        }
        spool.wakeUp();
    }

    /** The oldest alert in memory, once the spool has nothing older; {@code null} when there is none. */
    private Alert fromMemory() {
        synchronized (memory) {
            return memory.isEmpty() || spool.queued() > 0 ? null : memory.peekFirst();
        }
    }

    private void run() {
        Duration backoff = firstRetry;
        while (!stopping) {
            Alert alert;
            Runnable done;
            Alert kept = fromMemory();
            if (kept != null) {
                alert = kept;
                done = () -> {
                    synchronized (memory) {
                        memory.pollFirst();
                    }
                };
            } else {
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
                alert = head.alert();
                done = () -> acknowledge(head);
            }
            if (attempt(alert)) {
                done.run();
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

    /** One attempt at {@code alert}: whether it is done with (delivered, or never deliverable). */
    private boolean attempt(Alert alert) {
        try {
            sink.deliver(alert);
        } catch (UndeliverableAlertException e) {
            // never deliverable: counted and logged (the sink has said what), and not tried again
            failed.incrementAndGet();
            undeliverable.incrementAndGet();
            lastError = e.getMessage();
            lastErrorTime = clock.instant();
            LOG.error("alert sink {}: alert {} cannot be delivered, not retrying it: {}", sink.name(), alert.id(),
                    e.getMessage());
            return true;
        } catch (Exception | LinkageError e) {
            failed.incrementAndGet();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!error.equals(lastError)) {
                LOG.warn("alert sink {}: delivery of {} failed, retrying: {}", sink.name(), alert.id(), error);
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
        return true;
    }

    private void acknowledge(Spool.Entry head) {
        try {
            spool.acknowledge(head.sequence());
        } catch (IOException e) {
            // delivered but not recorded: it goes out again after a restart, which at-least-once allows
            spoolErrors.incrementAndGet();
            LOG.error("alert sink {}: could not record the delivery of {}: {}", sink.name(), head.alert().id(),
                    e.toString());
        }
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** At a stop: what waits in memory is spooled, in order, for the next start, if the disk takes it now. */
    private void keepWhatMemoryHolds() {
        synchronized (memory) {
            while (!memory.isEmpty()) {
                Alert alert = memory.peekFirst();
                try {
                    spool.append(alert);
                } catch (IOException | RuntimeException e) {
                    spoolErrors.addAndGet(memory.size());
                    LOG.error("alert sink {}: {} alert(s) held in memory lost at the stop, the spool refused them: {}",
                            sink.name(), memory.size(), e.toString());
                    memory.clear();
                    return;
                }
                memory.pollFirst();
            }
        }
    }

    /** What the sink has done, for Prometheus and JMX. */
    SinkStatus status() {
        Instant oldest = spool.oldest();
        int inMemory;
        synchronized (memory) {
            inMemory = memory.size();
        }
        return new SinkStatus(sink.name(), sent.get(), failed.get(), retried.get(),
                spool.dropped() + spoolErrors.get() + undeliverable.get(), gate.held(), spool.queued() + inMemory,
                spool.bytes(), oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()),
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
        keepWhatMemoryHolds();
        spool.close();
        try {
            sink.close();
        } catch (Exception e) {
            LOG.debug("alert sink {}: closing: {}", sink.name(), e.toString());
        }
    }
}
