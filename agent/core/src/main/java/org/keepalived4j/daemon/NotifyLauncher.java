package org.keepalived4j.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptOutcome;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.ScriptLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notify scripts' launcher, handed to the exporters (the alert sinks' {@code exec} sink runs
 * the notify scripts through it): the daemon's {@link ScriptRunner}, its thread started on the
 * daemon's own thread so that every script runs at the daemon's priority, whichever thread asks.
 * A script without a {@code user} of its own runs as {@code script_user} of the configuration in
 * force. At shutdown, scripts still running (notify_stop) are waited for up to five seconds, then
 * ended.
 */
final class NotifyLauncher implements ScriptLauncher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyLauncher.class);
    private final ScriptRunner runner = new ScriptRunner("notify", Duration.ofSeconds(5));
    private final Supplier<ScriptUser> scriptUser;

    /** {@code scriptUser}: the global {@code script_user} in force ({@link ScriptUser#DAEMON} for none). */
    NotifyLauncher(Supplier<ScriptUser> scriptUser) {
        this.scriptUser = scriptUser;
        try {
            runner.prestart();
        } catch (SyscallException e) {
            // the first launch tries again, and reports it as the run's outcome
            LOG.warn("notify scripts: cannot start the script runner yet: {}", e.getMessage());
        }
    }

    @Override
    public Run launch(ScriptLine script, List<String> arguments, Duration timeout) {
        List<String> argv = new ArrayList<>(script.words());
        argv.addAll(arguments);
        ScriptCommand command = new ScriptCommand(argv, ScriptUser.of(script.user(), script.group(), scriptUser.get()));
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        CompletableFuture<Ending> ended = runner.start(command, timeout, started).thenApply(NotifyLauncher::ending);
        return new Run(started, ended);
    }

    private static Ending ending(ScriptOutcome outcome) {
        boolean started = !(outcome instanceof ScriptOutcome.NotStarted);
        return new Ending(started, outcome.succeeded(), outcome.describe(), ScriptRunner.retryable(outcome));
    }

    /** Waits for the scripts still running (the STOP notifications of a shutdown) within a bound, then ends them. */
    @Override
    public void close() {
        runner.close();
    }
}
