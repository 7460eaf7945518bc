package org.keepalived4j.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.config.SorryServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
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
 * released and the snapshots that show the change are published.
 */
final class VirtualServerState {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualServerState.class);

    /** The parts of the virtual server snapshot that are not its real servers. */
    private record Status(boolean quorumMet, boolean sorryActive) {
    }

    volatile VirtualServerConfig config;
    /** Replaced whole (never mutated) so that scrapes can iterate it without a lock. */
    volatile List<RealServerState> servers = List.of();
    private final IpvsDriver ipvs;
    private final EventSink events;
    private final Clock clock;
    private final boolean rsInitNotifies;
    /** What happened under the lock, turned into events (with fresh snapshots) by {@link #flush}. */
    private final List<Supplier<StateEvent>> pending = new ArrayList<>();
    private volatile VirtualServerSettings settings;
    private final Set<RealServerState> changed = new HashSet<>();
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(false, false));
    boolean quorumUp;
    boolean sorryAlive;
    boolean sorrySet;
    boolean serviceSet;
    /** Per server, the weight each dynamic checker (misc_dynamic, FILE_CHECK) adds. */
    private final Map<RealServerState, Map<CheckerTask, Long>> weights = new HashMap<>();

    VirtualServerState(VirtualServerConfig config, IpvsDriver ipvs, EventSink events, Clock clock,
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

    /** keepalived's init_service_vs: the service, its servers, the quorum, an inhibited sorry server. */
    void init(boolean reloaded) {
        synchronized (this) {
            if (!serviceSet) {
                ipvs.addService(config);
                serviceSet = true;
            }
            for (RealServerState rs : servers) {
                if (rs.virtualServer != this) {
                    continue;
                }
                if (!reloaded || !rs.set && !rs.alive) {
                    initServer(rs);
                }
            }
            updateQuorum(true);
            SorryServerConfig sorry = config.sorryServer();
            if (sorry != null && sorry.inhibit() && !sorrySet) {
                ipvs.addDestination(config, sorryDest(0));
                sorrySet = true;
            }
        }
        flush();
    }

    /** keepalived's init_service_rs for one server. */
    void initServer(RealServerState rs) {
        synchronized (this) {
            if (rs.failedCheckers == 0 && !rs.alive || rs.config.inhibitOnFailure() && !rs.set) {
                addDest(rs, rs.failedCheckers > 0 ? 0 : rs.realWeight());
                if (rs.failedCheckers == 0) {
                    rs.alive = true;
                    if (rsInitNotifies) {
                        rsEvent(rs, null, "startup");
                    }
                }
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
        if (quorumUp || config.sorryServer() == null || !sorryAlive) {
            if (alive) {
                addDest(rs, rs.realWeight());
            } else {
                deleteDest(rs);
            }
        }
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
                if (rs.set && rs.alive && (quorumUp || config.sorryServer() == null || !sorryAlive)) {
                    ipvs.updateDestination(config, dest(rs, rs.realWeight()));
                }
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

    /** keepalived's update_quorum_state, with the sorry server swapped in and out. */
    void updateQuorum(boolean init) {
        long sum = liveWeight();
        long threshold = config.quorum() + (quorumUp ? -1 : 1) * config.hysteresis();
        SorryServerConfig sorry = config.sorryServer();
        if (!quorumUp && sum >= threshold) {
            quorumUp = true;
            LOG.info("Gained quorum {}+{}={} <= {} for VS {}", config.quorum(), config.hysteresis(), threshold, sum,
                    key());
            if (sorry != null && sorryAlive) {
                sorryDelete();
                sorryAlive = false;
                poolAlive(true);
            }
            quorumEvent(sum);
        } else if (quorumUp && (sum == 0 || sum < threshold) || init && !quorumUp && sorry != null && !sorryAlive) {
            quorumUp = false;
            LOG.info("{} {}-{}={} > {} for VS {}", init ? "Starting with quorum down" : "Lost quorum", config.quorum(),
                    config.hysteresis(), threshold, sum, key());
            if (sorry != null && !sorryAlive) {
                poolAlive(false);
                sorryAdd();
                sorryAlive = true;
            }
            quorumEvent(sum);
        }
        status.set(new Status(quorumUp, sorryAlive));
    }

    private void poolAlive(boolean add) {
        for (RealServerState rs : servers) {
            if (rs.alive) {
                if (add) {
                    addDest(rs, rs.realWeight());
                } else {
                    deleteDest(rs);
                }
            }
        }
    }

    /** keepalived's ipvs_cmd ADD_DEST: an inhibited server already in the table gets its weight back. */
    void addDest(RealServerState rs, int weight) {
        if (rs.set) {
            ipvs.updateDestination(config, dest(rs, weight));
        } else {
            ipvs.addDestination(config, dest(rs, weight));
        }
        rs.set = true;
    }

    /** keepalived's ipvs_cmd DEL_DEST: an inhibit_on_failure server stays with weight 0. */
    void deleteDest(RealServerState rs) {
        if (rs.config.inhibitOnFailure() && rs.set) {
            ipvs.updateDestination(config, dest(rs, 0));
            return;
        }
        if (rs.set) {
            ipvs.deleteDestination(config, dest(rs, 0));
        }
        rs.set = false;
    }

    /** Removes a server whatever its inhibit setting (reload, shutdown). */
    void removeServer(RealServerState rs, boolean stopping) {
        synchronized (this) {
            if (rs.set) {
                ipvs.deleteDestination(config, dest(rs, 0));
                rs.set = false;
            }
            if (rs.alive) {
                rs.alive = false;
                if (config.omega() || !stopping) {
                    rsEvent(rs, null, stopping ? "shutting down" : "removed");
                }
            }
        }
        flush();
    }

    private void sorryAdd() {
        SorryServerConfig sorry = config.sorryServer();
        if (sorry.inhibit() && sorrySet) {
            ipvs.updateDestination(config, sorryDest(1));
        } else {
            ipvs.addDestination(config, sorryDest(1));
        }
        sorrySet = true;
    }

    private void sorryDelete() {
        if (config.sorryServer().inhibit()) {
            ipvs.updateDestination(config, sorryDest(0));
        } else {
            ipvs.deleteDestination(config, sorryDest(0));
            sorrySet = false;
        }
    }

    /** Takes the sorry server out entirely (it changed or the virtual server goes). */
    void dropSorry() {
        synchronized (this) {
            if (sorrySet) {
                ipvs.deleteDestination(config, sorryDest(0));
            }
            sorrySet = false;
            sorryAlive = false;
            status.set(new Status(quorumUp, false));
        }
    }

    private IpvsDriver.Dest sorryDest(int weight) {
        SorryServerConfig s = config.sorryServer();
        return new IpvsDriver.Dest(s.address(), s.port(), s.forwarding(), weight, 0, 0);
    }

    private IpvsDriver.Dest dest(RealServerState rs, int weight) {
        return new IpvsDriver.Dest(rs.config.address(), rs.config.port(), rs.config.forwarding(), weight,
                rs.config.upperThreshold(), rs.config.lowerThreshold());
    }

    private void rsEvent(RealServerState rs, String checker, String detail) {
        LOG.info("{} {} {} for VS {}{}", checker == null ? "Real server" : checker, rs.key, rs.alive ? "UP" : "DOWN",
                key(), detail == null ? "" : ": " + detail);
        changed.add(rs);
        boolean up = rs.alive;
        Instant at = clock.instant();
        pending.add(() -> new RealServerStateChanged(rs.snapshot(), snapshot(), up, checker, detail, at));
    }

    private void quorumEvent(long sum) {
        boolean met = quorumUp;
        Instant at = clock.instant();
        pending.add(() -> new VirtualServerQuorumChanged(snapshot(), met, sum, at));
    }

    /** Publishes the affected snapshots, then emits what happened (outside the lock). */
    void flush() {
        List<Supplier<StateEvent>> out;
        List<RealServerState> republish;
        synchronized (this) {
            if (pending.isEmpty() && changed.isEmpty()) {
                return;
            }
            out = new ArrayList<>(pending);
            republish = new ArrayList<>(changed);
            pending.clear();
            changed.clear();
        }
        republish.forEach(RealServerState::publish);
        for (Supplier<StateEvent> event : out) {
            events.emit(event.get());
        }
    }

    /**
     * The end of keepalived's migrate_checkers for a changed server: it comes up if nothing has
     * failed, an inhibited or removed failed one is put where it belongs, and a new weight or
     * forwarding method is programmed.
     */
    void reloadedServer(RealServerState rs, RealServerState old) {
        synchronized (this) {
            long total = rs.config.weight();
            for (long w : contributions(rs).values()) {
                total += w;
            }
            rs.effectiveWeight = total;
            if (rs.failedCheckers == 0 && !rs.alive) {
                serverState(rs, true, null, "reload");
            } else if (rs.failedCheckers > 0 && rs.set != rs.config.inhibitOnFailure()) {
                if (rs.config.inhibitOnFailure()) {
                    addDest(rs, 0);
                } else {
                    deleteDest(rs);
                }
            } else if (rs.alive && rs.set && (rs.realWeight() != old.realWeight()
                    || !rs.config.forwarding().equals(old.config.forwarding()))) {
                ipvs.updateDestination(config, dest(rs, rs.realWeight()));
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
        return new VirtualServerSnapshot(settings(), st.quorumMet(), st.sorryActive(), ipvs.available() && serviceSet,
                IpvsStats.NONE, rs);
    }
}
