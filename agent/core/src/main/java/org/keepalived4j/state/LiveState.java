package org.keepalived4j.state;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/**
 * The daemon's live state as exporters see it. {@link #current()} assembles a snapshot from
 * what each subsystem publishes at this moment; {@link #emit} hands an event to every
 * subscriber's own delivery thread without blocking the emitter (the VRRP loop).
 */
public final class LiveState implements StateView, EventSink {

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
        public List<org.keepalived4j.model.ScriptSnapshot> scripts() {
            return List.of();
        }
    };

    private final AtomicReference<DaemonSnapshot> daemon;
    private volatile VrrpSource vrrp = NO_VRRP;
    private volatile VirtualServerSource lvs = List::of;
    private final List<EventDelivery> subscribers = new CopyOnWriteArrayList<>();

    public LiveState(DaemonSnapshot initial) {
        this.daemon = new AtomicReference<>(initial);
    }

    public void publishDaemon(DaemonSnapshot snapshot) {
        daemon.set(snapshot);
    }

    @Override
    public DaemonSnapshot daemon() {
        return daemon.get();
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
        return new StateSnapshot(daemon.get(), v.vrrpInstances(), v.syncGroups(), v.scripts(), lvs.virtualServers());
    }

    @Override
    public AutoCloseable subscribe(StateListener listener) {
        EventDelivery delivery = new EventDelivery(listener, subscribers::remove);
        subscribers.add(delivery);
        return delivery;
    }

    @Override
    public void emit(StateEvent event) {
        for (EventDelivery delivery : subscribers) {
            delivery.offer(event);
        }
    }

    /** Stops every delivery thread (on shutdown, after the last events were emitted). */
    public void closeSubscriptions() {
        for (EventDelivery delivery : subscribers) {
            delivery.close();
        }
    }
}
