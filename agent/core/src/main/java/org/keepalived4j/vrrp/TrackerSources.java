package org.keepalived4j.vrrp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.TrackingConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.state.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an instance's (and its sync group's) track_* blocks into {@link Tracking}, and runs
 * what feeds the tracked objects: scripts, file watches, process scans. Interfaces are fed by
 * the engine's link monitor. One set per configuration; a reload builds a new one around the
 * same tracked objects, so their last known state survives.
 */
final class TrackerSources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerSources.class);

    private final KeepalivedConfig config;
    private final TrackedObjects objects;
    private final ScriptTracking scripts;
    private final FileTracking files;
    private final ProcessTracking processes;

    TrackerSources(KeepalivedConfig config, TrackedObjects objects, EventSink events, Clock wallClock,
            Consumer<Runnable> loop, Consumer<TrackedObject> changed, Path proc, ScriptRunner runner) {
        this.config = config;
        this.objects = objects;
        this.scripts = new ScriptTracking(loop, changed, events, wallClock, runner,
                new ScriptUser(config.global().scriptUser(), config.global().scriptGroup()));
        this.files = new FileTracking(loop, changed);
        this.processes = new ProcessTracking(proc, loop, changed);
    }

    /** The trackers of one instance; {@code extra} (may be null) is a further fault source. */
    Tracking trackingFor(VrrpInstanceConfig c, SyncGroupConfig group, TrackedObject extra) {
        List<Tracker> trackers = new ArrayList<>();
        if (!c.dontTrackPrimary() && c.interfaceName() != null) {
            trackers.add(new Tracker(objects.iface(c.interfaceName()), 0, false));
        }
        add(trackers, c.name(), c.tracking());
        if (group != null) {
            add(trackers, c.name(), group.tracking());
        }
        if (extra != null) {
            trackers.add(new Tracker(extra, 0, false));
        }
        return new Tracking(trackers);
    }

    private void add(List<Tracker> trackers, String instance, TrackingConfig tracking) {
        for (TrackRef ref : tracking.interfaces()) {
            trackers.add(new Tracker(objects.iface(ref.name()), weight(ref, 0), ref.reverse()));
        }
        for (TrackRef ref : tracking.scripts()) {
            Optional<VrrpScriptConfig> script = config.script(ref.name());
            if (script.isEmpty()) {
                continue;
            }
            VrrpScriptConfig s = script.get();
            TrackedObject object = objects.script(s.name(), s.initFail());
            scripts.add(s, object);
            boolean reverse = ref.weight() != null ? ref.reverse() : s.weightReverse() || ref.reverse();
            trackers.add(new Tracker(object, weight(ref, s.weight()), reverse));
        }
        for (TrackRef ref : tracking.files()) {
            config.trackFiles().stream().filter(f -> f.name().equals(ref.name())).findFirst().ifPresent(f -> {
                TrackedObject object = objects.file(f.name());
                files.add(f, object);
                trackers.add(new Tracker(object, weight(ref, f.weight()), ref.weight() != null ? ref.reverse()
                        : f.reverse()));
            });
        }
        for (TrackRef ref : tracking.processes()) {
            config.trackProcesses().stream().filter(p -> p.name().equals(ref.name())).findFirst().ifPresent(p -> {
                TrackedObject object = objects.process(p.name());
                processes.add(p, object);
                trackers.add(new Tracker(object, weight(ref, p.weight()), ref.weight() != null ? ref.reverse()
                        : p.reverse()));
            });
        }
        for (TrackRef ref : tracking.bfds()) {
            LOG.warn("({}) track_bfd {}: BFD is not supported by keepalived4j - not tracked", instance, ref.name());
        }
    }

    private static int weight(TrackRef ref, int fallback) {
        return ref.weight() != null ? ref.weight() : fallback;
    }

    void start() {
        scripts.start();
        files.start();
        processes.start();
    }

    List<ScriptSnapshot> scriptSnapshots() {
        return scripts.snapshots();
    }

    @Override
    public void close() {
        scripts.close();
        files.close();
        processes.close();
    }
}
