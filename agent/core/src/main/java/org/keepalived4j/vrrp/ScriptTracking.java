package org.keepalived4j.vrrp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStateChanged;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.VrrpScriptSettings;
import org.keepalived4j.state.VrrpReadModel;
import org.keepalived4j.state.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vrrp_scripts the instances track: runs them off the loop, turns each result into
 * keepalived's rise/fall verdict on the loop, and publishes their snapshots.
 */
final class ScriptTracking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptTracking.class);

    private final class Script {
        final VrrpScriptConfig config;
        final VrrpScriptSettings settings;
        final ScriptVerdict verdict;
        final TrackedObject object;
        final AtomicReference<ScriptSnapshot> published = new AtomicReference<>();
        Instant lastRun;
        int lastExit = -1;

        Script(VrrpScriptConfig config, int index, TrackedObject object) {
            this.config = config;
            this.settings = VrrpReadModel.script(config, index);
            this.verdict = new ScriptVerdict(config.rise(), config.fall(), config.initFail());
            this.object = object;
            publish();
        }

        void publish() {
            published.set(new ScriptSnapshot(settings, verdict.status(), false, lastRun, lastExit));
        }
    }

    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private final ScriptSchedule schedule;
    private final Consumer<TrackedObject> changed;
    private final EventSink events;
    private final Clock wallClock;

    /**
     * @param loop posts work to the VRRP loop thread
     * @param changed called on the loop when a script's verdict changes what it contributes
     */
    ScriptTracking(Consumer<Runnable> loop, Consumer<TrackedObject> changed, EventSink events, Clock wallClock,
            ScriptRunner runner, ScriptUser defaultUser) {
        this.changed = changed;
        this.events = events;
        this.wallClock = wallClock;
        this.schedule = new ScriptSchedule(runner, result -> loop.accept(() -> apply(result)), defaultUser);
    }

    /** Adds a script some instance tracks, number {@code index} in the configuration; runs it from {@link #start()} on. */
    void add(VrrpScriptConfig config, int index, TrackedObject object) {
        scripts.computeIfAbsent(config.name(), name -> new Script(config, index, object));
    }

    void start() {
        for (Script s : scripts.values()) {
            schedule.schedule(s.config);
        }
    }

    private void apply(ScriptSchedule.Result result) {
        Script s = scripts.get(result.script());
        if (s == null) {
            return;
        }
        ScriptStatus before = s.verdict.status();
        ScriptStatus after = s.verdict.record(result.success());
        s.lastRun = wallClock.instant();
        s.lastExit = result.exitCode();
        s.publish();
        if (after != before) {
            LOG.info("VRRP_Script({}) {}", s.config.name(), after == ScriptStatus.GOOD ? "succeeded" : "failed");
            events.emit(new ScriptStateChanged(s.published.get(), before, after, s.lastRun));
        }
        if (after != ScriptStatus.INIT && s.object.setUp(after == ScriptStatus.GOOD)) {
            changed.accept(s.object);
        }
    }

    List<ScriptSnapshot> snapshots() {
        List<ScriptSnapshot> out = new ArrayList<>(scripts.size());
        for (Script s : scripts.values()) {
            out.add(s.published.get());
        }
        return out;
    }

    @Override
    public void close() {
        schedule.close();
    }
}
