package org.keepalived4j.vrrp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.TrackProcessConfig;
import org.keepalived4j.config.TrackResolution;
import org.keepalived4j.config.TrackingConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.TrackSettings;
import org.keepalived4j.state.EventSink;
import org.keepalived4j.state.VrrpReadModel;
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
    private volatile Tracked tracked = Tracked.NONE;

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
        for (TrackSettings t : TrackResolution.resolve(tracking, config)) {
            TrackedObject object = switch (t.kind()) {
                case "interface" -> objects.iface(t.name());
                case "script" -> script(t.name());
                case "file" -> file(t.name());
                case "process" -> process(t.name());
                default -> null;
            };
            if (object == null) {
                LOG.warn("({}) track_bfd {}: BFD is not supported by keepalived4j - not tracked", instance, t.name());
                continue;
            }
            trackers.add(new Tracker(object, t.weight(), t.reverse()));
        }
    }

    private TrackedObject script(String name) {
        VrrpScriptConfig s = config.script(name).orElseThrow();
        TrackedObject object = objects.script(s.name(), s.initFail());
        scripts.add(s, config.scripts().indexOf(s) + 1, object);
        return object;
    }

    private TrackedObject file(String name) {
        TrackFileConfig f = config.trackFiles().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        TrackedObject object = objects.file(f.name());
        files.add(f, object);
        return object;
    }

    private TrackedObject process(String name) {
        TrackProcessConfig p = config.trackProcesses().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
        TrackedObject object = objects.process(p.name());
        processes.add(p, object);
        return object;
    }

    void start() {
        scripts.start();
        files.start();
        processes.start();
    }

    List<ScriptSnapshot> scriptSnapshots() {
        return scripts.snapshots();
    }

    /**
     * Loop thread: every vrrp_track_file, vrrp_track_process and tracked BFD session as it is now,
     * for {@link #trackedSnapshots()}. Called after each change of a tracked object.
     */
    void republish() {
        List<TrackFileSnapshot> fileList = new ArrayList<>();
        for (TrackFileConfig f : config.trackFiles()) {
            TrackedObject o = objects.existingFile(f.name());
            fileList.add(VrrpReadModel.trackFile(f, fileList.size() + 1, o == null ? 0 : o.value()));
        }
        List<TrackProcessSnapshot> processList = new ArrayList<>();
        for (TrackProcessConfig p : config.trackProcesses()) {
            TrackedObject o = objects.existingProcess(p.name());
            processList.add(VrrpReadModel.trackProcess(p, processList.size() + 1, processes.running(p.name()),
                    o != null && o.up()));
        }
        List<TrackBfdSnapshot> bfdList = new ArrayList<>();
        for (var b : config.bfdInstances()) {
            bfdList.add(VrrpReadModel.trackBfd(b, bfdList.size() + 1));
        }
        tracked = new Tracked(List.copyOf(fileList), List.copyOf(processList), List.copyOf(bfdList));
    }

    /** Any thread: the tracked files, processes and BFD sessions as last republished. */
    Tracked trackedSnapshots() {
        return tracked;
    }

    /** What {@link #republish} publishes. */
    record Tracked(List<TrackFileSnapshot> files, List<TrackProcessSnapshot> processes, List<TrackBfdSnapshot> bfds) {
        static final Tracked NONE = new Tracked(List.of(), List.of(), List.of());
    }

    @Override
    public void close() {
        scripts.close();
        files.close();
        processes.close();
    }
}
