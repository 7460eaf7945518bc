package org.keepalived4j.check;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.keepalived4j.ipvs.IpvsClient;
import org.keepalived4j.ipvs.IpvsDesiredState;
import org.keepalived4j.ipvs.IpvsReconciler;
import org.keepalived4j.ipvs.IpvsRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the kernel's IPVS table in step with the virtual servers' state. Every change asks for a
 * reconciliation pass; passes run on a thread of their own, so a slow kernel never stalls a
 * checker. A pass reads the desired state when it runs, so changes asked for while one is queued
 * are merged into it and only the latest state is programmed.
 *
 * <p>Nothing is programmed before {@link #start} (which, with {@code lvs_flush}, first empties
 * the table, as keepalived does), while a reload {@linkplain #hold holds} passes (so a half-applied
 * reload is never programmed), or after {@link #stop}, which removes what the daemon programmed as
 * its {@link IpvsRelease} says. Without IPVS (monitor-only) nothing runs and the client is never
 * called.
 */
final class IpvsSync {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsSync.class);

    private final IpvsReconciler reconciler;
    private final Supplier<IpvsDesiredState> desired;
    private final boolean available;
    private final ExecutorService executor;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Held by a pass, by start, by stop and to set {@link #held}: one of them at a time. */
    private final Object passLock = new Object();
    private boolean started;
    private boolean held;
    private boolean stopped;

    IpvsSync(IpvsClient client, Supplier<IpvsDesiredState> desired) {
        this.reconciler = new IpvsReconciler(client);
        this.desired = desired;
        this.available = client != null && client.available();
        this.executor = available ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ipvs");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Whether IPVS is being programmed (false: monitor-only). */
    boolean available() {
        return available;
    }

    /** The first pass; with {@code lvsFlush} the whole table is flushed before it. */
    void start(boolean lvsFlush) {
        submit(() -> {
            synchronized (passLock) {
                if (stopped) {
                    return;
                }
                if (lvsFlush) {
                    reconciler.flush();
                }
                started = true;
                reconcile();
            }
        });
    }

    /** The virtual servers' state changed: a pass will program it. */
    void changed() {
        if (available && queued.compareAndSet(false, true)) {
            submit(this::pass);
        }
    }

    /** No pass starts until {@link #release()}; waits for one that is running. */
    void hold() {
        synchronized (passLock) {
            held = true;
        }
    }

    /** Lets passes run again and asks for one. */
    void release() {
        synchronized (passLock) {
            held = false;
        }
        changed();
    }

    /** Ends programming (waiting for a running pass) and removes what {@code release} says. */
    void stop(IpvsRelease release) {
        if (!available) {
            return;
        }
        synchronized (passLock) {
            if (stopped) {
                return;
            }
            stopped = true;
            reconciler.shutdown(release);
        }
        executor.shutdown();
    }

    /** Waits until every pass asked for so far has run (tests). */
    void drain() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        try {
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("IPVS passes did not drain: {}", e.toString());
        }
    }

    private void pass() {
        queued.set(false);
        synchronized (passLock) {
            if (started && !held && !stopped) {
                reconcile();
            }
        }
    }

    private void reconcile() {
        try {
            reconciler.reconcile(desired.get());
        } catch (RuntimeException e) {
            LOG.error("IPVS: cannot work out the desired table; will retry at the next change", e);
        }
    }

    private void submit(Runnable task) {
        if (!available) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // stopped: nothing more is programmed
        }
    }
}
