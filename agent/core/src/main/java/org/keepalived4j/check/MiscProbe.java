package org.keepalived4j.check;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.keepalived4j.config.MiscCheckConfig;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptOutcome;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;

/**
 * MISC_CHECK: runs the program through the {@link ScriptRunner} (keepalived's splitting, no
 * shell, its user or {@code script_user}) with misc_timeout (or the delay_loop) as its deadline.
 * Exit 0 is up, 1 down; with misc_dynamic 2..255 is up with the real server's weight set to the
 * code minus 2 (this checker contributing code - 2 - configured weight). A run that times out,
 * dies of a signal or cannot start is down.
 */
final class MiscProbe implements Probe {

    private final MiscCheckConfig config;
    private final ScriptRunner runner;
    private final int configuredWeight;
    private final ScriptCommand command;
    private final Duration timeout;

    MiscProbe(MiscCheckConfig config, ScriptRunner runner, int configuredWeight, ScriptUser defaultUser) {
        this.config = config;
        this.runner = runner;
        this.configuredWeight = configuredWeight;
        this.timeout = Duration.ofNanos(1000 * (config.timeoutMicros() > 0 ? config.timeoutMicros()
                : config.options().delayLoopMicros()));
        this.command = ScriptCommand.parse(config.command(), ScriptUser.of(config.user(), config.group(), defaultUser));
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        return runner.start(command, timeout).thenApply(this::verdict);
    }

    CheckResult verdict(ScriptOutcome outcome) {
        if (outcome instanceof ScriptOutcome.NotStarted n) {
            return CheckResult.failed("cannot run " + command.program() + ": " + n.reason());
        }
        if (!(outcome instanceof ScriptOutcome.Exited exited)) {
            return CheckResult.failed(outcome.describe());
        }
        int status = exited.code();
        if (status == 0) {
            return new CheckResult(true, "exit status 0", config.dynamic() ? 0L : null);
        }
        if (config.dynamic() && status >= 2) {
            return new CheckResult(true, "exit status " + status, (long) status - 2 - configuredWeight);
        }
        return CheckResult.failed(outcome.describe());
    }
}
