package org.keepalived4j.exec;

import java.util.concurrent.CompletableFuture;
import org.keepalived4j.linux.ChildProcess;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.linux.WaitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started script and how far its ending has gone: running until its deadline, then sent
 * SIGTERM (as a group) and given the grace period, then sent SIGKILL, which is repeated every
 * ten seconds while anything of it is left. Confined to the runner's thread.
 */
final class RunningScript {

    private static final Logger LOG = LoggerFactory.getLogger(RunningScript.class);
    private static final long KILL_REPEAT_NANOS = 10_000_000_000L;

    private enum Phase { RUNNING, TERMINATING, KILLING }

    final ChildProcess process;
    final String program;
    final CompletableFuture<ScriptOutcome> result;
    private final long graceNanos;
    private Phase phase = Phase.RUNNING;
    private boolean hasDeadline;
    private long deadline;
    private boolean stopped;

    RunningScript(ChildProcess process, String program, CompletableFuture<ScriptOutcome> result,
            long timeoutNanos, long graceNanos, long now) {
        this.process = process;
        this.program = program;
        this.result = result;
        this.graceNanos = graceNanos;
        this.hasDeadline = timeoutNanos >= 0;
        this.deadline = now + Math.max(0, timeoutNanos);
    }

    boolean hasDeadline() {
        return hasDeadline;
    }

    long deadline() {
        return deadline;
    }

    /** The runner is closing and will not wait any longer: end the script as a timeout would. */
    void stop(long now) {
        if (phase == Phase.RUNNING) {
            stopped = true;
            hasDeadline = true;
            deadline = now;
        }
    }

    /** Takes the next step once the deadline has passed. */
    void escalate(long now) throws SyscallException {
        if (!hasDeadline || now - deadline < 0) {
            return;
        }
        switch (phase) {
            case RUNNING -> {
                LOG.debug("{} (pid {}) {} - sending SIGTERM to its group", program, process.pid(),
                        stopped ? "still running at shutdown" : "timed out");
                phase = Phase.TERMINATING;
                deadline = now + graceNanos;
                process.signalGroup(ChildProcess.SIGTERM);
            }
            case TERMINATING -> {
                phase = Phase.KILLING;
                deadline = now + graceNanos;
                process.signalGroup(ChildProcess.SIGKILL);
            }
            case KILLING -> {
                LOG.warn("{} (pid {}) has not ended after SIGKILL", program, process.pid());
                deadline = now + KILL_REPEAT_NANOS;
                process.signalGroup(ChildProcess.SIGKILL);
            }
        }
    }

    /**
     * How the run ended, given the leader's wait status. When the runner had begun ending it,
     * whatever the leader left in its group is killed now (keepalived does the same once the
     * leader has died of its SIGTERM).
     */
    ScriptOutcome ended(WaitStatus status) throws SyscallException {
        if (phase != Phase.RUNNING) {
            process.signalGroup(ChildProcess.SIGKILL);
            return stopped ? new ScriptOutcome.Stopped() : new ScriptOutcome.TimedOut();
        }
        return status.exited() ? new ScriptOutcome.Exited(status.exitCode())
                : new ScriptOutcome.Signalled(status.signal());
    }
}
