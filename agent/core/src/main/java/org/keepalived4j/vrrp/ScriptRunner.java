package org.keepalived4j.vrrp;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.keepalived4j.config.VrrpScriptConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs vrrp_scripts at their intervals, off the VRRP loop: one small scheduler thread starts
 * the processes; their exit is awaited asynchronously (no thread per script), a script that
 * outlives its timeout is killed and counts as a failure. Each result is handed to the
 * consumer (which posts it to the loop).
 */
final class ScriptRunner implements AutoCloseable {

    /** One run's outcome: exit status, or -1 when it timed out or could not start. */
    record Result(String script, boolean success, int exitCode) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vrrp-scripts");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Result> results;
    private final String defaultUser;
    private final String defaultGroup;

    ScriptRunner(Consumer<Result> results, String defaultUser, String defaultGroup) {
        this.results = results;
        this.defaultUser = defaultUser;
        this.defaultGroup = defaultGroup;
    }

    /** Starts running the script every {@code interval}, the first time now. */
    void schedule(VrrpScriptConfig script) {
        scheduler.execute(() -> runOnce(script));
    }

    /** Starts one run; when it ends (or is killed) the result is posted and the next run scheduled. */
    private void runOnce(VrrpScriptConfig script) {
        if (scheduler.isShutdown()) {
            return;
        }
        String user = script.user() != null ? script.user() : defaultUser;
        String group = script.user() != null ? script.group() : defaultGroup;
        List<String> argv = ScriptCommand.argv(script.command(), user, group);
        long timeout = script.timeoutMicros() > 0 ? script.timeoutMicros() : script.intervalMicros();
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("vrrp_script {} could not be started: {}", script.name(), e.getMessage());
            finished(script, new Result(script.name(), false, -1));
            return;
        }
        process.onExit().orTimeout(timeout, TimeUnit.MICROSECONDS).whenComplete((p, failure) -> {
            if (failure == null) {
                int code = p.exitValue();
                finished(script, new Result(script.name(), code == 0, code));
                return;
            }
            if (failure instanceof TimeoutException) {
                LOG.warn("vrrp_script {} timed out after {} ms - killing it", script.name(), timeout / 1000);
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            finished(script, new Result(script.name(), false, -1));
        });
    }

    private void finished(VrrpScriptConfig script, Result result) {
        results.accept(result);
        if (!scheduler.isShutdown()) {
            try {
                scheduler.schedule(() -> runOnce(script), Math.max(1, script.intervalMicros()), TimeUnit.MICROSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
