package org.keepalived4j.check;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.CheckerOptions;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Runs one checker of a real server on the server's event loop, as keepalived's checker
 * threads do: every {@code delay_loop}, or {@code delay_before_retry} after a failure while
 * retries remain; only when the retries are used up does the checker report down. A checker
 * that has never run reports down after one failure (keepalived's "one failure is enough
 * initially"), and in alpha mode it starts down and comes up after one success.
 * All state is confined to the event loop thread.
 */
class CheckerTask {

    final RealServerState server;
    final CheckerConfig config;
    final CheckerOptions options;
    final Probe probe;
    private final LagRecorder lag;

    boolean up = true;
    boolean hasRun;
    int retryIt;
    private long plannedNanos;
    private ScheduledFuture<?> timer;
    private boolean stopped;

    CheckerTask(RealServerState server, CheckerConfig config, CheckerOptions options, Probe probe, LagRecorder lag) {
        this.server = server;
        this.config = config;
        this.options = options;
        this.probe = probe;
        this.lag = lag;
        if (options != null) {
            retryIt = options.retry();
            if (options.alpha()) {
                up = false;
            }
        }
    }

    String type() {
        return config.type();
    }

    /** Schedules the first run after a random part of the warmup. */
    void start() {
        long warmup = options.warmupMicros();
        long delay = warmup > 0 ? ThreadLocalRandom.current().nextLong(warmup + 1) : 0;
        server.loop().execute(() -> schedule(delay));
    }

    /** Stops scheduling and releases the probe; a run in flight is ignored when it ends. */
    void stop() {
        server.loop().execute(() -> {
            stopped = true;
            if (timer != null) {
                timer.cancel(false);
            }
            probe.close();
        });
    }

    final void schedule(long delayMicros) {
        if (stopped) {
            return;
        }
        plannedNanos = System.nanoTime() + delayMicros * 1000;
        timer = server.loop().schedule(this::runOnce, delayMicros, TimeUnit.MICROSECONDS);
    }

    private void runOnce() {
        if (stopped) {
            return;
        }
        long started = System.nanoTime();
        CompletableFuture<CheckResult> result;
        try {
            result = runProbe();
        } catch (RuntimeException e) {
            result = CompletableFuture.completedFuture(CheckResult.failed(e));
        }
        long lagNanos = started - plannedNanos;
        result.whenComplete((r, e) -> {
            CheckResult outcome = e != null ? CheckResult.failed(e) : r;
            if (server.loop().inEventLoop()) {
                finish(outcome, started, lagNanos);
            } else {
                server.loop().execute(() -> finish(outcome, started, lagNanos));
            }
        });
    }

    private void finish(CheckResult result, long started, long lagNanos) {
        if (stopped) {
            return;
        }
        long duration = System.nanoTime() - started;
        server.recordCheck(this, result, duration);
        schedule(epilog(result));
        lag.record(lagNanos, duration);
    }

    /** Starts one probe; HTTP overrides it to pick the url. */
    CompletableFuture<CheckResult> runProbe() {
        return probe.run();
    }

    /** keepalived's epilog: updates the checker's state and returns the delay to the next run. */
    long epilog(CheckResult result) {
        if (result.weight() != null) {
            server.checkerWeight(this, result.weight());
        }
        if (result.success()) {
            if (!up || !hasRun) {
                server.checkerState(this, true, result.detail());
            }
            retryIt = 0;
            return options.delayLoopMicros();
        }
        if (up || !hasRun) {
            if (retryIt < options.retry()) {
                retryIt++;
                hasRun = true;
                server.logFailure(this, result.detail(), true);
                return options.delayBeforeRetryMicros();
            }
            server.checkerState(this, false, result.detail());
            retryIt = 0;
        } else {
            server.logFailure(this, result.detail(), false);
        }
        return options.delayLoopMicros();
    }
}
