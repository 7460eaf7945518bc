package org.keepalived4j.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.SorryServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.IpvsDesiredState;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsServiceKey;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.state.LvsReadModel;
import org.keepalived4j.state.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.keepalived4j.net.AddressText;

/**
 * A virtual server's pool, quorum and sorry server, as keepalived's ipwrapper keeps them. Every
 * method that changes them holds this object's lock; events are emitted after the lock is
 * released and the snapshots that show the change are published, and then IPVS is asked to
 * follow ({@link #desired} says what its table should hold for this virtual server).
 */
final class VirtualServerState {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualServerState.class);

    /** The parts of the virtual server snapshot that are not its real servers. */
    private record Status(boolean quorumMet, boolean sorryActive) {
    }

    volatile VirtualServerConfig config;
    /** Replaced whole (never mutated) so that scrapes can iterate it without a lock. */
    volatile List<RealServerState> servers = List.of();
    private final IpvsSync ipvs;
    private final EventSink events;
    private final Clock clock;
    private final boolean rsInitNotifies;
    /** What happened under the lock, turned into events (with fresh snapshots) by {@link #flush}. */
    private final List<Supplier<StateEvent>> pending = new ArrayList<>();
    private volatile VirtualServerSettings settings;
    /** Servers whose state or weight moved since the last flush: IPVS is told to follow. */
    private final Set<RealServerState> changed = new HashSet<>();
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(false, false));
    boolean quorumUp;
    boolean sorryAlive;
    /** Per server, the weight each dynamic checker (misc_dynamic, FILE_CHECK) adds. */
    private final Map<RealServerState, Map<CheckerTask, Long>> weights = new HashMap<>();
    /** The IPVS services of {@link #keysOf}, worked out once per configuration. */
    private List<IpvsServiceKey> keys;
    private VirtualServerConfig keysOf;

    VirtualServerState(VirtualServerConfig config, IpvsSync ipvs, EventSink events, Clock clock,
            boolean rsInitNotifies) {
        this.config = config;
        this.ipvs = ipvs;
        this.events = events;
        this.clock = clock;
        this.rsInitNotifies = rsInitNotifies;
    }

    String key() {
        return config.key();
    }

    /** This server is number {@code index} in the configuration; its real servers are numbered within it. */
    void number(int index) {
        settings = LvsReadModel.virtualServer(config, index);
        List<RealServerState> list = servers;
        for (int i = 0; i < list.size(); i++) {
            list.get(i).settings(LvsReadModel.realServer(config, list.get(i).config, i + 1));
        }
    }

    VirtualServerSettings settings() {
        VirtualServerSettings s = settings;
        return s != null ? s : LvsReadModel.virtualServer(config, 0);
    }

    /** keepalived's init_service_vs: its servers and the quorum. */
    void init(boolean reloaded) {
        synchronized (this) {
            for (RealServerState rs : servers) {
                if (rs.virtualServer == this && (!reloaded || !rs.alive)) {
                    initServer(rs);
                }
            }
            updateQuorum(true);
        }
        flush();
    }

    /** keepalived's init_service_rs for one server: one with no failed checker starts up. */
    private void initServer(RealServerState rs) {
        if (rs.failedCheckers == 0 && !rs.alive) {
            rs.alive = true;
            if (rsInitNotifies) {
                rsEvent(rs, null, "startup");
            }
        }
    }

    /** keepalived's update_svr_checker_state for one checker verdict. */
    void checkerState(RealServerState rs, CheckerTask task, boolean up, String detail) {
        synchronized (this) {
            if (task.up == up) {
                if (!task.hasRun) {
                    if (task.options != null && task.options.alpha() || !up) {
                        rsEvent(rs, task.type(), detail);
                    }
                    task.hasRun = true;
                }
            } else {
                task.hasRun = true;
                if (up && rs.failedCheckers <= 1 || !up && rs.failedCheckers == 0) {
                    serverState(rs, up, task.type(), detail);
                }
                task.up = up;
                rs.failedCheckers += up ? (rs.failedCheckers > 0 ? -1 : 0) : 1;
            }
        }
        flush();
    }

    /** keepalived's perform_svr_state: the server goes into or out of the pool. */
    private void serverState(RealServerState rs, boolean alive, String checker, String detail) {
        if (rs.alive == alive) {
            return;
        }
        LOG.info("{} service {} {} VS {}", alive ? rs.config.inhibitOnFailure() ? "Enabling" : "Adding"
                : rs.config.inhibitOnFailure() ? "Disabling" : "Removing", rs.key,
                rs.config.inhibitOnFailure() ? "of" : alive ? "to" : "from", key());
        rs.alive = alive;
        rsEvent(rs, checker, detail);
        updateQuorum(false);
    }

    /** A dynamic checker reported a weight: the server's weight is its own plus every contribution. */
    void checkerWeight(RealServerState rs, CheckerTask task, long weight) {
        synchronized (this) {
            Long previous = contributions(rs).put(task, weight);
            if (previous != null && previous == weight) {
                return;
            }
            long total = rs.config.weight();
            for (long w : contributions(rs).values()) {
                total += w;
            }
            int oldWeight = rs.realWeight();
            rs.effectiveWeight = total;
            changed.add(rs);
            if (rs.realWeight() != oldWeight) {
                LOG.info("Changing weight from {} to {} for {}active service {} of VS {}", oldWeight, rs.realWeight(),
                        rs.alive ? "" : "in", rs.key, key());
                updateQuorum(false);
            }
        }
        flush();
    }

    /** Sets a contribution before the pool exists (no IPVS command, no quorum change). */
    synchronized void initialWeight(RealServerState rs, CheckerTask task, long weight) {
        contributions(rs).put(task, weight);
        long total = rs.config.weight();
        for (long w : contributions(rs).values()) {
            total += w;
        }
        rs.effectiveWeight = total;
    }


    private Map<CheckerTask, Long> contributions(RealServerState rs) {
        return weights.computeIfAbsent(rs, r -> new HashMap<>());
    }

    /** The summed weight of live servers. */
    long liveWeight() {
        long sum = 0;
        for (RealServerState rs : servers) {
            if (rs.alive) {
                sum += rs.realWeight();
            }
        }
        return sum;
    }

    /** keepalived's update_quorum_state: the sorry server stands in while the quorum is lost. */
    void updateQuorum(boolean init) {
        long sum = liveWeight();
        long threshold = config.quorum() + (quorumUp ? -1 : 1) * config.hysteresis();
        SorryServerConfig sorry = config.sorryServer();
        if (!quorumUp && sum >= threshold) {
            quorumUp = true;
            LOG.info("Gained quorum {}+{}={} <= {} for VS {}", config.quorum(), config.hysteresis(), threshold, sum,
                    key());
            sorryAlive = false;
            quorumEvent(sum);
        } else if (quorumUp && (sum == 0 || sum < threshold) || init && !quorumUp && sorry != null && !sorryAlive) {
            quorumUp = false;
            LOG.info("{} {}-{}={} > {} for VS {}", init ? "Starting with quorum down" : "Lost quorum", config.quorum(),
                    config.hysteresis(), threshold, sum, key());
            sorryAlive = sorry != null;
            quorumEvent(sum);
        }
        status.set(new Status(quorumUp, sorryAlive));
    }

    /**
     * Takes a server out whatever its inhibit setting (reload, shutdown). A live server is
     * reported down: at a stop only when {@code report} says so (keepalived takes servers out
     * one by one, and reports them, only when it does not flush the table), and then marked
     * {@link RealServerStateChanged#stopping()} so that notify_down and mail follow {@code omega}
     * while SNMP reports it anyway.
     */
    void removeServer(RealServerState rs, boolean stopping, boolean report) {
        synchronized (this) {
            if (rs.alive) {
                rs.alive = false;
                if (report) {
                    rsEvent(rs, null, stopping ? "shutting down" : "removed", stopping);
                }
            }
        }
        flush();
    }

    /**
     * The daemon stops: the virtual server reports its quorum going down, marked {@code
     * stopping} (KEEPALIVED-MIB's shutdown(3); quorum_down and mail only with {@code omega}), as
     * keepalived does for every virtual server after its real servers.
     */
    void stopped() {
        synchronized (this) {
            quorumUp = false;
            long sum = 0;
            Instant at = clock.instant();
            pending.add(() -> new VirtualServerQuorumChanged(snapshot(), false, sum, true, at));
        }
        flush();
    }

    /** Forgets the sorry server's state (it changed or the virtual server goes). */
    void dropSorry() {
        synchronized (this) {
            sorryAlive = false;
            status.set(new Status(quorumUp, false));
        }
    }

    /**
     * What the IPVS table should hold for this virtual server now, added to {@code out}, as
     * keepalived's ipwrapper programs it: a live server with its weight while the pool serves
     * (quorum met, or no sorry server to stand in); a failed one — or every one while the sorry
     * server stands in — with weight 0 if it has {@code inhibit_on_failure}, else not at all; the
     * sorry server with weight 1 while it stands in, and with weight 0 otherwise if it has
     * {@code inhibit_on_failure}. A service another virtual server declared first is left to it.
     */
    synchronized void desired(IpvsDesiredState.Builder out) {
        boolean poolServes = quorumUp || config.sorryServer() == null || !sorryAlive;
        for (IpvsServiceKey key : keys()) {
            if (out.declares(key)) {
                LOG.debug("IPVS service {} of VS {} is declared by another virtual server", key.label(), key());
                continue;
            }
            out.service(IpvsMapping.service(config, key));
            Map<List<Object>, IpvsDestination> destinations = new LinkedHashMap<>();
            for (RealServerState rs : servers) {
                boolean serving = rs.alive && poolServes;
                if (serving || rs.config.inhibitOnFailure()) {
                    RealServerConfig c = rs.config;
                    add(destinations, IpvsMapping.destination(key, c.address(), c.port(), c.forwarding(),
                            serving ? rs.realWeight() : 0, c.upperThreshold(), c.lowerThreshold()), false);
                }
            }
            SorryServerConfig sorry = config.sorryServer();
            if (sorry != null && (sorryAlive || sorry.inhibit())) {
                add(destinations, IpvsMapping.destination(key, sorry.address(), sorry.port(), sorry.forwarding(),
                        sorryAlive ? 1 : 0, 0, 0), sorryAlive);
            }
            destinations.values().forEach(d -> out.destination(key, d));
        }
    }

    // one destination per address and port: the first wins, unless the newcomer must (a sorry server standing in)
    private static void add(Map<List<Object>, IpvsDestination> destinations, IpvsDestination d, boolean replace) {
        List<Object> server = List.of(d.address(), d.port());
        if (replace) {
            destinations.put(server, d);
        } else {
            destinations.putIfAbsent(server, d);
        }
    }

    private List<IpvsServiceKey> keys() {
        if (keysOf != config) {
            keys = IpvsMapping.keys(config);
            keysOf = config;
        }
        return keys;
    }

    private void rsEvent(RealServerState rs, String checker, String detail) {
        rsEvent(rs, checker, detail, false);
    }

    private void rsEvent(RealServerState rs, String checker, String detail, boolean stopping) {
        LOG.info("{} {} {} for VS {}{}", checker == null ? "Real server" : checker, rs.key, rs.alive ? "UP" : "DOWN",
                key(), detail == null ? "" : ": " + detail);
        changed.add(rs);
        boolean up = rs.alive;
        Instant at = clock.instant();
        pending.add(() -> new RealServerStateChanged(rs.snapshot(), snapshot(), up, checker, detail, stopping, at));
    }

    private void quorumEvent(long sum) {
        boolean met = quorumUp;
        Instant at = clock.instant();
        pending.add(() -> new VirtualServerQuorumChanged(snapshot(), met, sum, at));
    }

    /** Emits what happened (outside the lock), each event with snapshots built now; then IPVS follows. */
    void flush() {
        List<Supplier<StateEvent>> out;
        synchronized (this) {
            if (pending.isEmpty() && changed.isEmpty()) {
                return;
            }
            out = new ArrayList<>(pending);
            pending.clear();
            changed.clear();
        }
        for (Supplier<StateEvent> event : out) {
            events.emit(event.get());
        }
        ipvs.changed();
    }

    /**
     * The end of keepalived's migrate_checkers for a changed server: its weight is worked out
     * again and it comes up if nothing has failed (its new weight, forwarding method or inhibit
     * setting reach IPVS through {@link #desired}).
     */
    void reloadedServer(RealServerState rs) {
        synchronized (this) {
            long total = rs.config.weight();
            for (long w : contributions(rs).values()) {
                total += w;
            }
            rs.effectiveWeight = total;
            if (rs.failedCheckers == 0 && !rs.alive) {
                serverState(rs, true, null, "reload");
            }
            changed.add(rs);
        }
        flush();
    }

    /** Forgets the weight contributions of a server that went away. */
    synchronized void forget(RealServerState rs) {
        weights.remove(rs);
    }

    /** Moves the weight contributions of a checker that survives a reload to its successor. */
    synchronized void migrateWeight(RealServerState from, CheckerTask old, RealServerState to, CheckerTask task) {
        Map<CheckerTask, Long> map = weights.get(from);
        if (map != null && map.containsKey(old)) {
            contributions(to).put(task, map.get(old));
        }
    }

    VirtualServerSnapshot snapshot() {
        List<RealServerSnapshot> rs = new ArrayList<>(servers.size());
        for (RealServerState s : servers) {
            rs.add(s.snapshot());
        }
        Status st = status.get();
        return new VirtualServerSnapshot(settings(), st.quorumMet(), st.sorryActive(), ipvs.available(),
                IpvsStats.NONE, rs);
    }
}
