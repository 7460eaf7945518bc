package org.keepalived4j.vrrp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.keepalived4j.config.ConfigEquality;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.MasterReceivedLowerPriority;
import org.keepalived4j.model.PriorityChanged;
import org.keepalived4j.model.TrackerChanged;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpStateChanged;
import org.keepalived4j.state.VrrpReadModel;
import org.keepalived4j.state.EventSink;
import org.keepalived4j.vrrp.net.AddressEvent;
import org.keepalived4j.vrrp.net.LinkEvent;
import org.keepalived4j.vrrp.net.LinkMonitor;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.NetlinkLinkMonitor;
import org.keepalived4j.vrrp.net.NetworkEventListener;
import org.keepalived4j.vrrp.net.PollRegistration;
import org.keepalived4j.vrrp.net.VipAddress;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the VRRP loop owns: the instances and their bindings, sync groups, tracked
 * objects, the link monitor and the announcement queue. Loop thread only, except the
 * snapshot accessors, which read published immutable lists.
 */
final class EngineState implements InstanceObserver, NetworkEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EngineState.class);

    private final VrrpHost host;
    private final EventSink events;
    private final Clock wallClock;
    private final Consumer<Runnable> loop;
    private final LongSupplier clock;
    private final TrackedObjects objects = new TrackedObjects();
    private final Map<Integer, MacAddress> macs = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final AddressPresence presence = new AddressPresence();
    private final Map<String, VrrpInstance> instances = new LinkedHashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    /** {@link #instances} as an array, for the timer scans of every loop turn (no iterator each time). */
    private VrrpInstance[] scanned = new VrrpInstance[0];
    private final Map<VrrpInstance, String> unbound = new HashMap<>();
    private final SocketTable sockets;
    private final DueAdverts dueAdverts;
    private AnnouncementQueue announcements;
    private NetworkIo io;
    private InstanceWiring wiring;
    private LinkMonitor monitor;
    private PollRegistration monitorRegistration;
    private volatile TrackerSources trackers;
    private final ScriptRunner scripts;
    private KeepalivedConfig config;
    /** Every instance's publisher by name, in configuration order; replaced whole, read by any thread. */
    private volatile Map<String, InstancePublisher> publishers = Map.of();
    private volatile List<SyncGroup> syncGroups = List.of();
    /** The router counters of instances that are gone. */
    private volatile VrrpRouterCounters retired = VrrpRouterCounters.ZERO;

    EngineState(VrrpHost host, EventSink events, Clock wallClock, Consumer<Runnable> loop, LongSupplier clock,
            ScriptRunner scripts) {
        this.host = host;
        this.scripts = scripts;
        this.events = events;
        this.wallClock = wallClock;
        this.loop = loop;
        this.clock = clock;
        this.sockets = new SocketTable(host.poller(), host.sockets(), new VrrpCodec(), clock);
        this.dueAdverts = new DueAdverts(clock);
    }

    // ---- startup ----------------------------------------------------------------------------

    void configure(KeepalivedConfig newConfig) throws IOException {
        this.config = newConfig;
        number(newConfig);
        VrrpCodec codec = codec(newConfig.global());
        sockets.codec(codec);
        announcements = new AnnouncementQueue(host.arp(), host.na(), newConfig.global().garpIntervalMicros(),
                newConfig.global().gnaIntervalMicros());
        io = new NetworkIo(codec, host.vips(), announcements, host.sysctl(), macs, names, presence);
        wiring = new InstanceWiring(host, sockets, newConfig.global());
        monitor = NetlinkLinkMonitor.open(this, true);
        monitorRegistration = host.poller().register(monitor.fd(), (fd, failed) -> readLinks());
        for (var link : host.links().links()) {
            macs.put(link.index(), link.mac());
            names.put(link.index(), link.name());
            objects.iface(link.name()).setUp(link.usable());
        }
        trackers = new TrackerSources(newConfig, objects, events, wallClock, loop, this::trackedChanged,
                Path.of("/proc"), scripts);
        for (VrrpInstanceConfig c : newConfig.vrrpInstances()) {
            instances.put(c.name(), create(c));
        }
        buildSyncGroups(newConfig);
        trackers.start();
        trackers.republish();
        for (SyncGroup group : syncGroups) {
            group.start();
        }
        for (VrrpInstance instance : instances.values()) {
            // the clock is read per instance: setting up many instances takes time, which must not
            // shorten the first Master_Down_Interval of those started last
            instance.start(clock.getAsLong());
        }
        publish();
    }

    /** Each instance's position in the configuration, from 1: its index in the read model. */
    private void number(KeepalivedConfig c) {
        positions.clear();
        for (VrrpInstanceConfig i : c.vrrpInstances()) {
            positions.put(i.name(), positions.size() + 1);
        }
    }

    private VrrpInstance create(VrrpInstanceConfig c) {
        VrrpInstance instance = new VrrpInstance(c, io, this, wallClock, null);
        instance.publisher().settings(VrrpReadModel.instance(c, positions.getOrDefault(c.name(), 0), config));
        bind(instance);
        instance.track(trackers.trackingFor(c, config.syncGroupOf(c.name()).orElse(null), unboundObject(instance)));
        return instance;
    }

    /** An instance that cannot be bound (no interface, no address) stays in FAULT until it can. */
    private TrackedObject unboundObject(VrrpInstance instance) {
        String why = unbound.get(instance);
        if (why == null) {
            return null;
        }
        TrackedObject o = new TrackedObject("interface", instance.config().interfaceName() + " (" + why + ")", false);
        return o;
    }

    private void bind(VrrpInstance instance) {
        try {
            InstanceBinding binding = wiring.bind(instance);
            io.bind(instance, binding);
            instance.primaryAddress(binding.source());
            unbound.remove(instance);
        } catch (InstanceWiring.BindException e) {
            LOG.error("({}) cannot run: {} - instance stays in FAULT", instance.name(), e.getMessage());
            unbound.put(instance, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("({}) cannot open its socket: {} - instance stays in FAULT", instance.name(), e.getMessage());
            unbound.put(instance, e.getMessage());
        }
    }

    private void buildSyncGroups(KeepalivedConfig c) {
        List<SyncGroup> groups = new ArrayList<>();
        for (SyncGroupConfig g : c.syncGroups()) {
            SyncGroup group = new SyncGroup(VrrpReadModel.syncGroup(g, groups.size() + 1, c), events, wallClock);
            for (String member : g.members()) {
                VrrpInstance instance = instances.get(member);
                if (instance != null) {
                    group.add(instance);
                }
            }
            groups.add(group);
        }
        syncGroups = List.copyOf(groups);
    }

    private void publish() {
        Map<String, InstancePublisher> byName = new LinkedHashMap<>();
        instances.forEach((name, i) -> byName.put(name, i.publisher()));
        publishers = Collections.unmodifiableMap(byName);
        scanned = instances.values().toArray(new VrrpInstance[0]);
    }

    // ---- the loop -------------------------------------------------------------------------

    long nextDeadline() {
        long next = announcements.sendDue(clock.getAsLong());
        for (VrrpInstance i : scanned) {
            next = Math.min(next, i.nextDeadline());
        }
        return next;
    }

    void fireTimers(long now) {
        for (VrrpInstance i : scanned) {
            if (i.nextDeadline() <= now) {
                try {
                    i.onTimer(now);
                } catch (RuntimeException e) {
                    LOG.error("({}) timer failed", i.name(), e);
                }
            }
        }
        announcements.sendDue(now);
    }

    private void readLinks() {
        try {
            monitor.processReadable();
        } catch (IOException e) {
            LOG.warn("link monitor: {}", e.getMessage());
        }
    }

    @Override
    public void linkChanged(LinkEvent event) {
        var link = event.link();
        if (event.removed()) {
            macs.remove(link.index());
            names.remove(link.index());
            presence.interfaceRemoved(link.index());
        } else {
            macs.put(link.index(), link.mac());
            names.put(link.index(), link.name());
        }
        TrackedObject iface = objects.existingInterface(link.name());
        boolean usable = !event.removed() && link.usable();
        if (iface != null && iface.setUp(usable)) {
            LOG.info("Netlink reports {} {}", link.name(), usable ? "UP" : "DOWN");
            trackedChanged(iface);
            if (usable) {
                retryUnbound(link.name());
            }
        }
    }

    /** An address appeared: an instance waiting for a source address on that interface may run now. */
    @Override
    public void addressChanged(AddressEvent event) {
        if (presence.reported(event.address(), !event.removed())) {
            republishHolders(event.address().interfaceIndex(), event.address().address());
        }
        if (!event.removed() && !event.fromDump()) {
            String name = names.get(event.address().interfaceIndex());
            if (name != null) {
                retryUnbound(name);
            }
        }
    }

    /** An address appeared or went: instances that have it among theirs publish again. */
    private void republishHolders(int interfaceIndex, java.net.InetAddress address) {
        for (VrrpInstance instance : scanned) {
            InstanceBinding b = io.binding(instance);
            if (b == null) {
                continue;
            }
            for (VipAddress vip : b.addresses()) {
                if (vip.interfaceIndex() == interfaceIndex && vip.address().equals(address)) {
                    instance.publisher().publish(null, null);
                    break;
                }
            }
        }
    }

    private void retryUnbound(String interfaceName) {
        for (VrrpInstance instance : List.copyOf(unbound.keySet())) {
            if (interfaceName.equals(instance.config().interfaceName()) && instance.state() == VrrpState.FAULT) {
                LOG.info("({}) interface {} appeared - rebuilding the instance", instance.name(), interfaceName);
                replace(instance, instance.config(), clock.getAsLong());
            }
        }
    }

    /** A tracked object changed: every instance tracking it re-evaluates. */
    private void trackedChanged(TrackedObject object) {
        trackers.republish();
        if (!object.kind().equals("script")) {
            events.emit(new TrackerChanged(object.kind(), object.name(), object.up(), wallClock.instant()));
        }
        long now = clock.getAsLong();
        for (VrrpInstance i : instances.values()) {
            if (i.tracking().tracks(object)) {
                i.refreshTracking(now);
            }
        }
    }

    // ---- observer -----------------------------------------------------------------------------

    @Override
    public void transitioned(VrrpInstance instance, VrrpState from, VrrpState to, TransitionReason reason) {
        events.emit(new VrrpStateChanged(instance.publisher().snapshot(), from, to, reason, wallClock.instant()));
        dueAdverts.afterTransition(scanned);
    }

    @Override
    public void priorityChanged(VrrpInstance instance, int from, int to) {
        events.emit(new PriorityChanged(instance.publisher().snapshot(), from, to, wallClock.instant()));
    }

    @Override
    public void masterReceivedLowerPriority(VrrpInstance instance, VrrpAddress source, int priority) {
        events.emit(new MasterReceivedLowerPriority(instance.publisher().snapshot(), source.toString(), priority,
                wallClock.instant()));
    }

    @Override
    public void packetRejected(VrrpInstance instance, VrrpAddress source, org.keepalived4j.model.VrrpPacketError error) {
        events.emit(new org.keepalived4j.model.VrrpPacketRejected(instance.publisher().snapshot(), source.toString(),
                error, wallClock.instant()));
    }

    @Override
    public void changed(VrrpInstance instance) {
        // the instance republished its snapshot; exporters read it on demand
    }

    // ---- reload ---------------------------------------------------------------------------------

    void reconfigure(KeepalivedConfig next, long now) {
        KeepalivedConfig previous = config;
        config = next;
        number(next);
        applyGlobals(previous.global(), next.global());
        boolean groupsChanged = !Objects.equals(previous.global().mcastGroup4(), next.global().mcastGroup4())
                || !Objects.equals(previous.global().mcastGroup6(), next.global().mcastGroup6());
        trackers.close();
        trackers = new TrackerSources(next, objects, events, wallClock, loop, this::trackedChanged, Path.of("/proc"),
                scripts);
        Map<String, VrrpInstance> kept = new LinkedHashMap<>();
        for (VrrpInstanceConfig c : next.vrrpInstances()) {
            VrrpInstance old = instances.remove(c.name());
            if (old == null) {
                VrrpInstance created = create(c);
                kept.put(c.name(), created);
                created.start(now);
            } else if (ConfigEquality.sameIgnoringLocations(old.config(), c) && sameTracking(previous, next, c)
                    && !(groupsChanged && joinsGlobalGroup(c))) {
                old.track(trackers.trackingFor(c, next.syncGroupOf(c.name()).orElse(null), unboundObject(old)));
                kept.put(c.name(), old);
            } else {
                LOG.info("({}) configuration changed - reconciling", c.name());
                kept.put(c.name(), replacement(old, c, now));
            }
        }
        for (VrrpInstance removed : instances.values()) {
            LOG.info("({}) removed from the configuration - stopping it", removed.name());
            removed.remove(now);
            release(removed);
        }
        instances.clear();
        instances.putAll(kept);
        for (VrrpInstance i : instances.values()) {
            i.joinSyncGroup(null);
        }
        for (VrrpInstance i : instances.values()) {
            i.publisher().settings(VrrpReadModel.instance(i.config(), positions.getOrDefault(i.name(), 0), next));
        }
        buildSyncGroups(next);
        trackers.start();
        trackers.republish();
        for (VrrpInstance i : instances.values()) {
            i.refreshTracking(now);
            i.publisher().publish(null, null);
        }
        publish();
    }

    /**
     * What the whole engine takes from global_defs, before any instance is rebuilt: the codec
     * ({@code vrrp_mcast_group4}: the old unicast checksum's pseudo-header), the announcement
     * pacing ({@code vrrp_garp_interval}, {@code vrrp_gna_interval}) and the groups instances
     * are bound to ({@code vrrp_mcast_group4/6}; instances that join them are rebuilt, keeping
     * their state).
     */
    private void applyGlobals(GlobalConfig before, GlobalConfig after) {
        if (!Objects.equals(before.mcastGroup4(), after.mcastGroup4())) {
            VrrpCodec codec = codec(after);
            sockets.codec(codec);
            io.codec(codec);
        }
        announcements.intervals(after.garpIntervalMicros(), after.gnaIntervalMicros());
        wiring = new InstanceWiring(host, sockets, after);
    }

    /** Whether the instance's adverts go to the global multicast group (no unicast, no mcast_dst_ip). */
    private static boolean joinsGlobalGroup(VrrpInstanceConfig c) {
        return !c.transport().unicast() && c.transport().mcastDstIp() == null;
    }

    private static VrrpCodec codec(GlobalConfig global) {
        return new VrrpCodec(VrrpAddress.of(global.mcastGroup4() != null ? global.mcastGroup4()
                : VrrpCodec.IPV4_MULTICAST_GROUP.toInetAddress()));
    }

    private static boolean sameTracking(KeepalivedConfig a, KeepalivedConfig b, VrrpInstanceConfig c) {
        return ConfigEquality.sameIgnoringLocations(a.syncGroupOf(c.name()).orElse(null),
                b.syncGroupOf(c.name()).orElse(null))
                && ConfigEquality.sameIgnoringLocations(a.scripts(), b.scripts())
                && ConfigEquality.sameIgnoringLocations(a.trackFiles(), b.trackFiles())
                && ConfigEquality.sameIgnoringLocations(a.trackProcesses(), b.trackProcesses());
    }

    private void replace(VrrpInstance old, VrrpInstanceConfig c, long now) {
        VrrpInstance created = replacement(old, c, now);
        instances.put(c.name(), created);
        for (SyncGroup g : syncGroups) {
            if (g.replace(old, created)) {
                break;
            }
        }
        publish();
    }

    /** A changed instance: the new one takes over the old one's state and addresses. */
    private VrrpInstance replacement(VrrpInstance old, VrrpInstanceConfig c, long now) {
        VrrpState previous = old.state();
        InstanceBinding oldBinding = io.binding(old);
        List<VipAddress> oldAddresses = oldBinding == null ? List.of() : oldBinding.addresses();
        boolean wasMaster = previous == VrrpState.MASTER;
        release(old, false);
        VrrpInstance created = create(c);
        created.carryHistoryFrom(old);
        InstanceBinding newBinding = io.binding(created);
        List<VipAddress> keep = newBinding == null ? List.of() : newBinding.addresses();
        if (wasMaster) {
            for (VipAddress a : oldAddresses) {
                if (!keep.contains(a)) {
                    io.removeOne(c.name(), a);
                }
            }
        }
        created.resume(now, previous);
        return created;
    }

    private void release(VrrpInstance instance) {
        release(instance, true);
    }

    /** @param retire whether the instance's router counters end here (not when a replacement carries them on) */
    private void release(VrrpInstance instance, boolean retire) {
        if (retire) {
            retired = sum(retired, instance.publisher().routerCounters());
        }
        InstanceBinding b = io.unbind(instance);
        unbound.remove(instance);
        if (b == null) {
            return;
        }
        sockets.release(b.socket(), instance);
        if (b.vmac() != null && b.vmac().created()) {
            try {
                host.vmacs().delete(b.vmac());
            } catch (IOException e) {
                LOG.warn("({}) could not delete VMAC {}: {}", instance.name(), b.vmac().name(), e.getMessage());
            }
        }
    }

    // ---- shutdown -------------------------------------------------------------------------------

    void shutdown(long now) {
        for (VrrpInstance i : instances.values()) {
            try {
                i.shutdown(now);
            } catch (RuntimeException e) {
                LOG.error("({}) shutdown failed", i.name(), e);
            }
        }
        for (SyncGroup g : syncGroups) {
            g.shutdown();
        }
        announcements.sendDue(Long.MAX_VALUE - 1);
        for (VrrpInstance i : List.copyOf(instances.values())) {
            release(i);
        }
        trackers.close();
        if (monitorRegistration != null) {
            monitorRegistration.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        sockets.close();
    }

    // ---- snapshots (any thread) ---------------------------------------------------------------

    Collection<InstancePublisher> publishers() {
        return publishers.values();
    }

    /** Any thread: the publisher of the instance with this name, or null. */
    InstancePublisher publisher(String name) {
        return publishers.get(name);
    }

    List<SyncGroupSnapshot> syncGroupSnapshots() {
        List<SyncGroupSnapshot> out = new ArrayList<>();
        for (SyncGroup g : syncGroups) {
            out.add(g.snapshot());
        }
        return out;
    }

    /** Any thread: the packets no instance could take, over every instance there has been. */
    VrrpRouterCounters routerCounters() {
        VrrpRouterCounters total = sum(retired, new VrrpRouterCounters(0, 0, sockets.unknownVrid()));
        for (InstancePublisher p : publishers.values()) {
            total = sum(total, p.routerCounters());
        }
        return total;
    }

    private static VrrpRouterCounters sum(VrrpRouterCounters a, VrrpRouterCounters b) {
        return new VrrpRouterCounters(a.checksumErrors() + b.checksumErrors(), a.versionErrors() + b.versionErrors(),
                a.vridErrors() + b.vridErrors());
    }

    TrackerSources.Tracked trackedSnapshots() {
        TrackerSources t = trackers;
        return t == null ? TrackerSources.Tracked.NONE : t.trackedSnapshots();
    }

    List<ScriptSnapshot> scriptSnapshots() {
        TrackerSources t = trackers;
        return t == null ? List.of() : t.scriptSnapshots();
    }
}
