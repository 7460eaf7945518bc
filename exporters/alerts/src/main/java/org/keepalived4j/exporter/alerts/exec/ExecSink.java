package org.keepalived4j.exporter.alerts.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.UndeliverableAlertException;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.ScriptLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's notify scripts, delivered as alerts: each alert's scripts ({@link Alert#scripts},
 * the state's own script, then {@code notify} with its four arguments...) are started in order
 * through the daemon's {@link ScriptLauncher} (keepalived's arguments, environment, user,
 * process group). A script's runs are ordered: a run starts once the run of the same script
 * before it has ended (a run is ended by SIGTERM, then SIGKILL, to its process group when it
 * outlives {@code timeout}); different scripts run side by side, as keepalived runs them.
 *
 * <p>An alert is delivered once each of its scripts has started: a script's exit status is not
 * the alert's (keepalived does not wait for it either) and is logged when it is not 0. A script
 * that cannot start because the daemon is closing is tried again (from the spool, after a
 * restart); one that can never start (no such program, no such user) is logged and counted,
 * not retried.
 */
final class ExecSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(ExecSink.class);

    private final ScriptLauncher launcher;
    private final Duration timeout;
    /** The end of the last run of each script (by its line as configured). */
    private final Map<ScriptLine, CompletableFuture<ScriptLauncher.Ending>> lastRun = new HashMap<>();
    /** The alert under way and how many of its scripts have started: a retry starts only the rest. */
    private String partlyDone;
    private int started;

    ExecSink(ScriptLauncher launcher, Duration timeout) {
        this.launcher = launcher;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "exec";
    }

    @Override
    public boolean accepts(Alert alert) {
        return !alert.scripts().isEmpty();
    }

    @Override
    public void deliver(Alert alert) throws Exception {
        if (!alert.id().equals(partlyDone)) {
            partlyDone = alert.id();
            started = 0;
        }
        List<String> never = new ArrayList<>();
        List<Alert.Script> scripts = alert.scripts();
        while (started < scripts.size()) {
            Alert.Script script = scripts.get(started);
            CompletableFuture<ScriptLauncher.Ending> previous = lastRun.get(script.line());
            if (previous != null) {
                previous.exceptionally(e -> null).get(); // in order: the script's last run has ended
            }
            ScriptLauncher.Run run = launcher.launch(script.line(), script.arguments(), timeout);
            lastRun.put(script.line(), run.ended());
            if (!run.started().get()) {
                ScriptLauncher.Ending ending = ending(run);
                if (ending.retryable()) {
                    throw new IOException(alert.name() + ": " + program(script) + " " + ending.description());
                }
                never.add(program(script) + " " + ending.description());
                LOG.error("({}) notify script {} {}", alert.name(), program(script), ending.description());
            } else {
                run.ended().thenAccept(ending -> {
                    if (!ending.succeeded()) {
                        LOG.warn("({}) notify script {} {}", alert.name(), program(script), ending.description());
                    }
                });
            }
            started++;
        }
        partlyDone = null;
        if (!never.isEmpty()) {
            throw new UndeliverableAlertException(alert.name() + " " + alert.to() + ": " + String.join("; ", never));
        }
    }

    private static ScriptLauncher.Ending ending(ScriptLauncher.Run run) throws InterruptedException {
        try {
            return run.ended().get();
        } catch (ExecutionException e) {
            return new ScriptLauncher.Ending(false, false, "not started: " + e.getCause(), false);
        }
    }

    private static String program(Alert.Script script) {
        List<String> words = script.line().words();
        return words.isEmpty() ? script.line().command() : words.get(0);
    }

    @Override
    public String toString() {
        return "notify scripts, timeout " + timeout.toSeconds() + "s";
    }
}
