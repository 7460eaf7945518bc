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
import org.keepalived4j.ipvs.IpvsDesiredState;
import org.keepalived4j.ipvs.IpvsRelease;
import org.keepalived4j.model.TopologyChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.state.EventSink;
import org.keepalived4j.config.VirtualServerGroupConfig;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.state.LvsReadModel;
import org.keepalived4j.state.VirtualServerSource;
import org.keepalived4j.trackfile.TrackFileWatcher;

/**
 * The LVS side of the daemon: health-checks every real server of every virtual server on a
 * few Netty event loops, keeps keepalived's real-server and virtual-server state machines,
 * publishes their snapshots and events, and keeps the kernel's IPVS table in step with them
 * through the {@link IpvsClient} when the kernel has it (monitor-only otherwise; see
 * {@link IpvsSync}).
 *
 * <p>Lifecycle: {@link #start()} ({@code lvs_flush} empties the table first), any number of
 * {@link #reload}, {@link #close()} (which removes what was programmed as {@code lvs_flush_onstop}
 * says, or as {@link #close(IpvsRelease)} is told).
 */
public final class LvsService implements VirtualServerSource, AutoCloseable {

    private final LvsSettings settings;
    private final IpvsSync ipvs;
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
    private volatile List<VirtualServerGroupSnapshot> groups = List.of();

    public LvsService(List<VirtualServerConfig> virtualServers, LvsSettings settings, IpvsClient ipvs, EventSink events,
            Clock clock) {
        this(virtualServers, settings, ipvs, events, clock, LagRecorder.NONE);
    }

    /** As above, reporting each check's schedule lag and event-loop CPU time to {@code lag}. */
    public LvsService(List<VirtualServerConfig> virtualServers, LvsSettings settings, IpvsClient ipvs, EventSink events,
            Clock clock, LagRecorder lag) {
        this.initial = List.copyOf(virtualServers);
        this.settings = Objects.requireNonNull(settings);
        this.ipvs = new IpvsSync(ipvs, this::desiredIpvs);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.transport = new NettyTransport(settings.eventLoops());
        this.factory = new CheckerFactory(transport, settings, scripts, pings, files, lag);
    }

    /** Whether IPVS is being programmed (false: monitor-only). */
    public boolean ipvsAvailable() {
        return ipvs.available();
    }

    /** Sets up every virtual server, programs IPVS and starts the checkers. */
    public void start() {
        synchronized (lifecycle) {
            List<VirtualServerState> created = new ArrayList<>();
            for (VirtualServerConfig config : initial) {
                created.add(create(config));
            }
            servers = List.copyOf(created);
            number(servers);
            created.forEach(vs -> vs.init(false));
            ipvs.start(settings.lvsFlush());
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
        ipvs.hold();
        try {
            synchronized (lifecycle) {
                servers = reloader.reload(servers, virtualServers);
                number(servers);
            }
        } finally {
            ipvs.release();
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

    /** Stops every checker and removes what was programmed into IPVS as {@code lvs_flush_onstop} says. */
    @Override
    public void close() {
        close(settings.ipvsRelease());
    }

    /** Stops programming IPVS, removes what {@code release} says, then stops every checker. */
    public void close(IpvsRelease release) {
        ipvs.stop(release);
        synchronized (lifecycle) {
            for (VirtualServerState vs : servers) {
                // keepalived: -I leaves everything (and says nothing); a flush reports no server one by one
                stopServer(vs, true, release == IpvsRelease.SERVERS_AND_SERVICES);
                if (release != IpvsRelease.KEEP) {
                    vs.stopped();
                }
            }
            servers = List.of();
            pings.close();
            files.close();
            scripts.close();
            transport.close();
        }
    }

    /** The configuration's virtual_server_groups, as the read model shows them (at start and each reload). */
    public void groups(List<VirtualServerGroupConfig> configured) {
        List<VirtualServerGroupSnapshot> out = new ArrayList<>(configured.size());
        for (VirtualServerGroupConfig g : configured) {
            out.add(LvsReadModel.group(g, out.size() + 1));
        }
        groups = List.copyOf(out);
    }

    @Override
    public List<VirtualServerGroupSnapshot> virtualServerGroups() {
        return groups;
    }

    /** Gives every virtual and real server its place in the configuration: its index in the read model. */
    private static void number(List<VirtualServerState> list) {
        for (int i = 0; i < list.size(); i++) {
            list.get(i).number(i + 1);
        }
    }

    /** The virtual servers' state now (tests drive checker verdicts through it). */
    List<VirtualServerState> states() {
        return servers;
    }

    /** Waits until the IPVS passes asked for so far have run (tests). */
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

    void stopServer(VirtualServerState vs, boolean stopping, boolean report) {
        for (RealServerState rs : vs.servers) {
            stopCheckers(rs);
            vs.removeServer(rs, stopping, report);
        }
        vs.dropSorry();
    }

    // what IPVS should hold now: read on the IPVS thread, never while a reload is half applied
    private IpvsDesiredState desiredIpvs() {
        IpvsDesiredState.Builder desired = IpvsDesiredState.builder();
        for (VirtualServerState vs : servers) {
            vs.desired(desired);
        }
        return desired.build();
    }

    private synchronized EventLoop nextLoop() {
        if (loops == null || !loops.hasNext()) {
            loops = transport.group().iterator();
        }
        return (EventLoop) loops.next();
    }
}
