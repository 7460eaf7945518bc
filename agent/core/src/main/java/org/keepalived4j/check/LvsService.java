package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.time.Duration;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.ipvs.IpvsClient;
import org.keepalived4j.model.TopologyChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.state.EventSink;
import org.keepalived4j.state.VirtualServerSource;
import org.keepalived4j.trackfile.TrackFileWatcher;

/**
 * The LVS side of the daemon: health-checks every real server of every virtual server on a
 * few Netty event loops, keeps keepalived's real-server and virtual-server state machines,
 * publishes their snapshots and events, and programs IPVS through the {@link IpvsClient} when
 * the kernel has it (monitor-only otherwise).
 *
 * <p>Lifecycle: {@link #start()}, any number of {@link #reload}, {@link #close()}.
 */
public final class LvsService implements VirtualServerSource, AutoCloseable {

    private final LvsSettings settings;
    private final IpvsDriver ipvs;
    private final EventSink events;
    private final Clock clock;
    private final NettyTransport transport;
    // nobody reads a check's result once the service closes: MISC_CHECK scripts still running
    // then are ended at once (SIGTERM, SIGKILL after the grace), as keepalived's die with it
    private final ScriptRunner scripts = new ScriptRunner("checker", Duration.ZERO);
    private final PingService pings = new PingService();
    private final TrackFileWatcher files = new TrackFileWatcher("file-check");
    private final CheckerFactory factory;
    private final Object lifecycle = new Object();
    private final ServerReloader reloader = new ServerReloader(this);
    private Iterator<io.netty.util.concurrent.EventExecutor> loops;
    private List<VirtualServerConfig> initial;
    private volatile List<VirtualServerState> servers = List.of();

    public LvsService(List<VirtualServerConfig> virtualServers, LvsSettings settings, IpvsClient ipvs, EventSink events,
            Clock clock) {
        this(virtualServers, settings, ipvs, events, clock, LagRecorder.NONE);
    }

    /** As above, reporting each check's schedule lag and event-loop CPU time to {@code lag}. */
    public LvsService(List<VirtualServerConfig> virtualServers, LvsSettings settings, IpvsClient ipvs, EventSink events,
            Clock clock, LagRecorder lag) {
        this.initial = List.copyOf(virtualServers);
        this.settings = Objects.requireNonNull(settings);
        this.ipvs = new IpvsDriver(ipvs);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.transport = new NettyTransport(settings.eventLoops());
        this.factory = new CheckerFactory(transport, settings, scripts, pings, files, lag);
    }

    /** Whether IPVS is being programmed (false: monitor-only). */
    public boolean ipvsAvailable() {
        return ipvs.available();
    }

    /** Sets up every virtual server and starts its checkers. */
    public void start() {
        synchronized (lifecycle) {
            List<VirtualServerState> created = new ArrayList<>();
            for (VirtualServerConfig config : initial) {
                created.add(create(config));
            }
            servers = List.copyOf(created);
            created.forEach(vs -> vs.init(false));
            created.forEach(this::startCheckers);
            initial = null;
        }
        events.emit(new TopologyChanged("startup", clock.instant()));
    }

    /**
     * Applies a new configuration: unchanged real servers keep their state and checkers,
     * changed checkers take over the state of an equal old one, new ones start (alpha ones
     * down), removed ones are taken out of the pool and stopped.
     */
    public void reload(List<VirtualServerConfig> virtualServers) {
        synchronized (lifecycle) {
            servers = reloader.reload(servers, virtualServers);
        }
        events.emit(new TopologyChanged("reload", clock.instant()));
    }

    @Override
    public List<VirtualServerSnapshot> virtualServers() {
        List<VirtualServerState> current = servers;
        List<VirtualServerSnapshot> out = new ArrayList<>(current.size());
        for (VirtualServerState vs : current) {
            out.add(vs.snapshot());
        }
        return out;
    }

    @Override
    public Optional<VirtualServerSnapshot> virtualServer(String key) {
        for (VirtualServerState vs : servers) {
            if (vs.key().equals(key)) {
                return Optional.of(vs.snapshot());
            }
        }
        return Optional.empty();
    }

    /** Stops every checker and removes what was programmed into IPVS. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            for (VirtualServerState vs : servers) {
                stopServer(vs, true);
            }
            servers = List.of();
            ipvs.close();
            pings.close();
            files.close();
            scripts.close();
            transport.close();
        }
    }

    /** Waits until the IPVS commands issued so far have been sent (tests). */
    void drainIpvs() {
        ipvs.drain();
    }

    VirtualServerState create(VirtualServerConfig config) {
        VirtualServerState vs = new VirtualServerState(config, ipvs, events, clock, settings.rsInitNotifies());
        List<RealServerState> list = new ArrayList<>();
        for (RealServerConfig rc : config.realServers()) {
            list.add(createServer(vs, rc, null));
        }
        vs.servers = List.copyOf(list);
        return vs;
    }

    /** A new real server with its checkers; alpha checkers (and failed track files) start down. */
    RealServerState createServer(VirtualServerState vs, RealServerConfig rc, EventLoop loop) {
        RealServerState rs = new RealServerState(rc, loop != null ? loop : nextLoop(), clock,
                settings.logAllFailures());
        rs.virtualServer = vs;
        for (CheckerConfig cc : rc.checkers()) {
            CheckerTask task = factory.create(rs, cc);
            if (task == null) {
                continue;
            }
            rs.checkers.add(task);
            if (task instanceof FileCheckTask file) {
                file.initialState();
            } else if (!task.up) {
                rs.failedCheckers++;
            }
        }
        return rs;
    }

    void startCheckers(VirtualServerState vs) {
        for (RealServerState rs : vs.servers) {
            rs.checkers.forEach(CheckerTask::start);
        }
    }

    /** Stops a server's checkers and waits until no result of theirs can arrive. */
    void stopCheckers(RealServerState rs) {
        rs.checkers.forEach(CheckerTask::stop);
        rs.onLoopAndWait(() -> { });
    }

    void stopServer(VirtualServerState vs, boolean stopping) {
        for (RealServerState rs : vs.servers) {
            stopCheckers(rs);
            vs.removeServer(rs, stopping);
        }
        vs.dropSorry();
        ipvs.deleteService(vs.config);
    }

    IpvsDriver ipvs() {
        return ipvs;
    }

    private synchronized EventLoop nextLoop() {
        if (loops == null || !loops.hasNext()) {
            loops = transport.group().iterator();
        }
        return (EventLoop) loops.next();
    }
}
