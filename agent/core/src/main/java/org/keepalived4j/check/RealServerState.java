package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.state.LvsReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.keepalived4j.state.LiveHistogram;

/**
 * One real server: its checkers' verdicts and its place in the pool. Check bookkeeping runs
 * on the server's event loop only; what the virtual server reads (alive, weight, failed
 * checkers) changes only under the virtual server's lock. The immutable snapshot is built
 * when it is read (a scrape, an MBean, an event) and not kept: 10,000 checks a second build
 * nothing nobody reads, and a daemon holds no copy of each server beside the server itself.
 */
final class RealServerState {

    private static final Logger LOG = LoggerFactory.getLogger(RealServerState.class);

    final RealServerConfig config;
    final String key;
    private final EventLoop loop;
    private final Clock clock;
    private final boolean logAllFailures;
    VirtualServerState virtualServer;
    final List<CheckerTask> checkers = new ArrayList<>();

    /** Guarded by the virtual server's lock. */
    boolean alive;
    /** Guarded by the virtual server's lock. */
    long effectiveWeight;
    /** Guarded by the virtual server's lock. */
    int failedCheckers;

    /** Check durations, seconds: from 1 ms to 10 s. */
    private static final double[] DURATION_BUCKETS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LiveHistogram durations = new LiveHistogram(DURATION_BUCKETS);
    // written on the loop only, read by snapshots on any thread
    private volatile long checkFailures;
    private volatile Instant lastCheck;
    private volatile Duration lastLatency;
    private volatile String lastResult;
    private volatile RealServerSettings settings;

    RealServerState(RealServerConfig config, EventLoop loop, Clock clock, boolean logAllFailures) {
        this.config = config;
        this.loop = loop;
        this.clock = clock;
        this.logAllFailures = logAllFailures;
        this.effectiveWeight = config.weight();
        this.key = config.key();
    }

    EventLoop loop() {
        return loop;
    }

    /** The weight IPVS gets: the effective weight clamped to [0, 2^31-1]. */
    int realWeight() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, effectiveWeight));
    }

    /** Every check ends here (on the loop): counters, latency histogram, snapshot. */
    void recordCheck(CheckerTask task, CheckResult result, long nanos) {
        durations.observeNanos(nanos);
        if (!result.success()) {
            checkFailures = checkFailures + 1; // one writer: the loop
        }
        lastCheck = clock.instant();
        lastLatency = Duration.ofNanos(nanos);
        lastResult = result.detail();
    }

    /** keepalived's update_svr_checker_state. */
    void checkerState(CheckerTask task, boolean up, String detail) {
        virtualServer.checkerState(this, task, up, detail);
    }

    /** A dynamic checker's weight contribution changed (misc_dynamic, FILE_CHECK). */
    void checkerWeight(CheckerTask task, long weight) {
        virtualServer.checkerWeight(this, task, weight);
    }

    void logFailure(CheckerTask task, String detail, boolean retrying) {
        if (logAllFailures || task.options != null && task.options.logAllFailures()) {
            LOG.info("{} check of {} for VS {} failed: {}{}", task.type(), key, virtualServer.key(), detail,
                    retrying ? " - retrying" : "");
        }
    }

    /**
     * The server as it is now, built for the caller (any thread): its state and weight as the
     * virtual server's lock guards them, its counters as the loop last wrote them.
     */
    RealServerSnapshot snapshot() {
        boolean isAlive;
        int weight;
        int effective;
        int failed;
        synchronized (virtualServer) {
            isAlive = alive;
            effective = realWeight();
            weight = !alive && config.inhibitOnFailure() ? 0 : effective;
            failed = failedCheckers;
        }
        RealServerSettings s = settings;
        if (s == null) {
            s = LvsReadModel.realServer(virtualServer.config, config, 0);
        }
        return new RealServerSnapshot(s, isAlive, weight, failed, checkFailures, lastCheck, lastLatency, lastResult,
                durations.snapshot(), IpvsStats.NONE, effective);
    }

    /** Its settings, numbered in its virtual server ({@link VirtualServerState#number}). */
    void settings(RealServerSettings newSettings) {
        settings = newSettings;
    }

    /** Runs on the loop and waits (used when reloading or stopping). */
    void onLoopAndWait(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
        } else {
            loop.submit(action).syncUninterruptibly();
        }
    }

    /** Copies the counters of the server this one replaces across a reload. */
    void inheritCounters(RealServerState old) {
        checkFailures = old.checkFailures;
        lastCheck = old.lastCheck;
        lastLatency = old.lastLatency;
        lastResult = old.lastResult;
    }
}
