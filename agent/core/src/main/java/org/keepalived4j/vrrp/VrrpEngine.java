package org.keepalived4j.vrrp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.TopologyChanged;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.state.EventSink;
import org.keepalived4j.state.VrrpSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP side of the daemon: one loop thread owns every instance. It polls the raw sockets
 * and the link monitor until the next timer deadline ({@link LoopSleep} says how long to sleep
 * so as to wake on time), so the protocol code needs no locks; other threads (script and file
 * watchers, reloads) post work to it. Nothing thrown by one step of the loop ever stops it.
 */
public final class VrrpEngine implements VrrpSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpEngine.class);

    private final VrrpHost host;
    private final EventSink events;
    private final Clock wallClock;
    private final long origin = System.nanoTime();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private final VrrpScheduling scheduling = new VrrpScheduling();
    // a vrrp_script's result means nothing once the engine stops: those still running are ended
    // at once (SIGTERM, SIGKILL after the grace), as keepalived's die with it
    private final ScriptRunner scripts = new ScriptRunner("vrrp", Duration.ZERO);
    private volatile boolean stopping;
    private volatile EngineState state;
    private KeepalivedConfig pendingConfig;

    public VrrpEngine(KeepalivedConfig config, VrrpHost host, EventSink events, Clock wallClock) {
        this.host = host;
        this.events = events;
        this.wallClock = wallClock;
        this.pendingConfig = config;
        this.thread = new Thread(this::run, "vrrp");
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the loop and waits until every instance has left INIT (or 10 s have passed). */
    public void start() throws InterruptedException {
        thread.start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            LOG.warn("VRRP engine still starting after 10 s");
        }
    }

    /** Applies a new configuration: unchanged instances keep their state and addresses. */
    public void reload(KeepalivedConfig config) {
        post(() -> {
            EngineState s = state;
            if (s != null) {
                // as keepalived: normal scheduling while instances are set up, which does not sleep
                scheduling.pause();
                try {
                    s.reconfigure(config, now());
                } finally {
                    scheduling.apply(config.global().vrrpScheduling());
                }
                events.emit(new TopologyChanged("reload", wallClock.instant()));
            }
        });
    }

    /** Stops gracefully: masters send priority 0 and remove their addresses. */
    @Override
    public void close() {
        stopping = true;
        host.poller().wakeup();
        try {
            if (thread.isAlive() && !stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("VRRP engine did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scripts.close();
    }

    /** Runs {@code work} on the loop thread soon. Thread-safe. */
    void post(Runnable work) {
        inbox.add(work);
        host.poller().wakeup();
    }

    long now() {
        return System.nanoTime() - origin;
    }

    private void run() {
        try {
            state = new EngineState(host, events, wallClock, this::post, this::now, scripts);
            state.configure(pendingConfig);
            scheduling.apply(pendingConfig.global().vrrpScheduling());
            pendingConfig = null;
            events.emit(new TopologyChanged("startup", wallClock.instant()));
        } catch (IOException | RuntimeException e) {
            LOG.error("VRRP engine failed to start", e);
            started.countDown();
            stopped.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } finally {
            shutdown();
            stopped.countDown();
        }
    }

    private void loop() {
        LoopSleep sleep = new LoopSleep();
        // made once: a loop turn allocates nothing
        LongSupplier clock = this::now;
        TimerTurn.Reader readQueued = () -> host.poller().poll(0);
        LongConsumer fireTimers = state::fireTimers;
        while (!stopping) {
            try {
                long deadline = state.nextDeadline();
                host.poller().poll(sleep.timeout(deadline, now()));
                if (scheduling.watchesLateness()) {
                    scheduling.late(now() - deadline);
                }
                drainInbox();
                TimerTurn.fire(deadline, clock, readQueued, fireTimers);
                scheduling.resume();
            } catch (IOException | RuntimeException e) {
                LOG.error("VRRP loop step failed; continuing", e);
            } catch (Error e) {
                LOG.error("VRRP loop hit a JVM error; continuing", e);
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
            }
        }
    }

    private void drainInbox() {
        Runnable work;
        while ((work = inbox.poll()) != null) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("VRRP loop task failed; continuing", e);
            }
        }
    }

    private void shutdown() {
        try {
            drainInbox();
            state.shutdown(now());
        } catch (RuntimeException e) {
            LOG.error("VRRP engine shutdown failed", e);
        }
    }

    // ---- VrrpSource: any thread ---------------------------------------------------------

    @Override
    public List<VrrpInstanceSnapshot> vrrpInstances() {
        EngineState s = state;
        if (s == null) {
            return List.of();
        }
        Collection<InstancePublisher> publishers = s.publishers();
        List<VrrpInstanceSnapshot> out = new ArrayList<>(publishers.size());
        for (InstancePublisher p : publishers) {
            out.add(p.snapshot());
        }
        return out;
    }

    @Override
    public Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
        EngineState s = state;
        InstancePublisher p = s == null ? null : s.publisher(name);
        return p == null ? Optional.empty() : Optional.of(p.snapshot());
    }

    @Override
    public List<SyncGroupSnapshot> syncGroups() {
        EngineState s = state;
        return s == null ? List.of() : s.syncGroupSnapshots();
    }

    @Override
    public List<TrackFileSnapshot> trackFiles() {
        EngineState s = state;
        return s == null ? List.of() : s.trackedSnapshots().files();
    }

    @Override
    public List<TrackProcessSnapshot> trackProcesses() {
        EngineState s = state;
        return s == null ? List.of() : s.trackedSnapshots().processes();
    }

    @Override
    public List<TrackBfdSnapshot> trackBfds() {
        EngineState s = state;
        return s == null ? List.of() : s.trackedSnapshots().bfds();
    }

    @Override
    public VrrpRouterCounters routerCounters() {
        EngineState s = state;
        return s == null ? VrrpRouterCounters.ZERO : s.routerCounters();
    }

    @Override
    public List<ScriptSnapshot> scripts() {
        EngineState s = state;
        return s == null ? List.of() : s.scriptSnapshots();
    }
}
