package org.keepalived4j.state;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;

/**
 * The daemon's live state as exporters see it. {@link #current()} assembles a snapshot from
 * what each subsystem publishes at this moment; events go into the {@link EventLog}, which
 * delivers them to every subscriber on its own thread without blocking the emitter (the VRRP
 * loop).
 */
public final class LiveState implements StateView, EventSink {

    /** Events kept for subscribers that fall behind; beyond this they are told what they missed. */
    static final int EVENT_LOG_CAPACITY = 4096;

    private static final VrrpSource NO_VRRP = new VrrpSource() {
        @Override
        public List<VrrpInstanceSnapshot> vrrpInstances() {
            return List.of();
        }

        @Override
        public Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
            return Optional.empty();
        }

        @Override
        public List<SyncGroupSnapshot> syncGroups() {
            return List.of();
        }

        @Override
        public List<ScriptSnapshot> scripts() {
            return List.of();
        }

        @Override
        public List<TrackFileSnapshot> trackFiles() {
            return List.of();
        }

        @Override
        public List<TrackProcessSnapshot> trackProcesses() {
            return List.of();
        }

        @Override
        public List<TrackBfdSnapshot> trackBfds() {
            return List.of();
        }

        @Override
        public VrrpRouterCounters routerCounters() {
            return VrrpRouterCounters.ZERO;
        }
    };

    private final AtomicReference<DaemonSnapshot> daemon;
    private final EventLog events;
    private volatile VrrpSource vrrp = NO_VRRP;
    private volatile VirtualServerSource lvs = List::of;

    public LiveState(DaemonSnapshot initial, Clock clock) {
        this.daemon = new AtomicReference<>(initial);
        this.events = new EventLog(EVENT_LOG_CAPACITY, clock);
    }

    public void publishDaemon(DaemonSnapshot snapshot) {
        daemon.set(snapshot);
    }

    @Override
    public DaemonSnapshot daemon() {
        DaemonSnapshot d = daemon.get();
        return new DaemonSnapshot(d.version(), d.routerId(), d.pid(), d.started(), d.configFile(), d.configLoaded(),
                d.reloads(), d.ipvsAvailable(), d.reload(), d.settings(), vrrp.routerCounters());
    }

    @Override
    public Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
        return vrrp.vrrpInstance(name);
    }

    @Override
    public Optional<SyncGroupSnapshot> syncGroup(String name) {
        return vrrp.syncGroups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Override
    public Optional<VirtualServerSnapshot> virtualServer(String key) {
        return lvs.virtualServer(key);
    }

    public void attach(VrrpSource source) {
        this.vrrp = source;
    }

    public void attach(VirtualServerSource source) {
        this.lvs = source;
    }

    @Override
    public StateSnapshot current() {
        VrrpSource v = vrrp;
        VirtualServerSource l = lvs;
        return new StateSnapshot(daemon(), v.vrrpInstances(), v.syncGroups(), v.scripts(), v.trackFiles(),
                v.trackProcesses(), v.trackBfds(), l.virtualServerGroups(), l.virtualServers());
    }

    @Override
    public AutoCloseable subscribe(StateListener listener) {
        return events.subscribe(listener, listener.getClass().getSimpleName(), false, true);
    }

    @Override
    public AutoCloseable subscribeFromStart(StateListener listener) {
        return events.subscribe(listener, listener.getClass().getSimpleName(), true, true);
    }

    @Override
    public void emit(StateEvent event) {
        events.emit(event);
    }

    /** The sequence number of the last event emitted. */
    public long lastEventSequence() {
        return events.lastSequence();
    }

    /**
     * Ends event delivery on shutdown, after the last event: every subscriber reads what it has
     * not yet read, waited for up to {@code bound} in all.
     */
    public void closeSubscriptions(Duration bound) {
        events.close(bound);
    }
}
