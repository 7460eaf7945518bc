package org.keepalived4j.vrrp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptOutcome;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs vrrp_scripts at their intervals through the daemon's {@link ScriptRunner}: each run
 * starts {@code interval} after the previous one ended, with {@code timeout} (else the
 * interval) as its deadline; a run that times out, dies of a signal or cannot start is a
 * failure. One small timer thread schedules; results go to the consumer (which posts them to
 * the loop). After {@link #close()} nothing is started and late results are dropped.
 */
final class ScriptSchedule implements AutoCloseable {

    /** One run's outcome: exit status, or -1 when it did not exit by itself. */
    record Result(String script, boolean success, int exitCode) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScriptSchedule.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vrrp-script-timer");
        t.setDaemon(true);
        return t;
    });
    private final ScriptRunner runner;
    private final Consumer<Result> results;
    private final ScriptUser defaultUser;
    private volatile boolean closed;

    ScriptSchedule(ScriptRunner runner, Consumer<Result> results, ScriptUser defaultUser) {
        this.runner = runner;
        this.results = results;
        this.defaultUser = defaultUser;
    }

    /** Starts running the script every {@code interval}, the first time now. */
    void schedule(VrrpScriptConfig script) {
        ScriptCommand command = ScriptCommand.parse(script.command(),
                ScriptUser.of(script.user(), script.group(), defaultUser));
        Duration timeout = Duration.ofNanos(1000 * (script.timeoutMicros() > 0 ? script.timeoutMicros()
                : script.intervalMicros()));
        timer.execute(() -> runOnce(script, command, timeout));
    }

    private void runOnce(VrrpScriptConfig script, ScriptCommand command, Duration timeout) {
        if (closed) {
            return;
        }
        runner.start(command, timeout).thenAccept(outcome -> finished(script, command, timeout, outcome));
    }

    private void finished(VrrpScriptConfig script, ScriptCommand command, Duration timeout, ScriptOutcome outcome) {
        if (closed) {
            return;
        }
        if (outcome instanceof ScriptOutcome.TimedOut || outcome instanceof ScriptOutcome.NotStarted) {
            LOG.warn("vrrp_script {} {}", script.name(), outcome.describe());
        }
        int code = outcome instanceof ScriptOutcome.Exited e ? e.code() : -1;
        results.accept(new Result(script.name(), outcome.succeeded(), code));
        try {
            timer.schedule(() -> runOnce(script, command, timeout), Math.max(1, script.intervalMicros()),
                    TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
