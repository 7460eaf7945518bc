package org.keepalived4j.exec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.linux.Accounts;
import org.keepalived4j.linux.EventFd;
import org.keepalived4j.linux.SyscallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scripts the way keepalived does (see the package description) without blocking the
 * caller: {@link #start} returns at once with a future of the {@link ScriptOutcome}. The
 * future completes on the runner's thread, so what a caller chains onto it must be quick
 * (posting to the caller's own loop is the rule).
 *
 * <p>A run given a timeout is ended when it outlives it: SIGTERM to its process group, SIGKILL
 * to the group {@link #TERMINATION_GRACE} later, and SIGKILL to whatever is left of the group
 * once the leader is gone; it then completes as {@link ScriptOutcome.TimedOut}.
 *
 * <p>The thread is started with the first script. {@link #close()} refuses new starts, waits
 * up to the close bound for running scripts, then ends the rest as a timeout would and returns
 * once they are gone (or the grace has passed twice more).
 */
public final class ScriptRunner implements AutoCloseable {

    /** Between SIGTERM and SIGKILL, as keepalived's script and MISC_CHECK timeouts. */
    public static final Duration TERMINATION_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final String name;
    private final Duration closeWait;
    private final List<String> environment;
    private final long graceNanos;
    private ScriptLoop loop;
    private EventFd wakeup;
    private Thread thread;
    private boolean closed;

    /**
     * @param name names the thread ({@code name-scripts}) in dumps and logs
     * @param closeWait how long {@link #close()} lets running scripts finish
     */
    public ScriptRunner(String name, Duration closeWait) {
        this(name, closeWait, TERMINATION_GRACE, ScriptEnvironment.of(System.getenv()));
    }

    ScriptRunner(String name, Duration closeWait, Duration grace, List<String> environment) {
        this.name = name;
        this.closeWait = closeWait;
        this.graceNanos = grace.toNanos();
        this.environment = List.copyOf(environment);
    }

    /** Starts {@code command}, ending it if it runs longer than {@code timeout}. */
    public CompletableFuture<ScriptOutcome> start(ScriptCommand command, Duration timeout) {
        return start(command, timeout, new CompletableFuture<>());
    }

    /**
     * As {@link #start(ScriptCommand, Duration)}; {@code started} is completed {@code true} once
     * the process exists, or {@code false} when it could not be started.
     */
    public CompletableFuture<ScriptOutcome> start(ScriptCommand command, Duration timeout,
            CompletableFuture<Boolean> started) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + timeout);
        }
        return launch(command, timeout.toNanos(), started);
    }

    /** Starts {@code command} with no deadline: only {@link #close()} ends it. */
    public CompletableFuture<ScriptOutcome> start(ScriptCommand command) {
        return launch(command, -1);
    }

    /** Whether a run that was not started ({@code outcome}) may start on a later attempt: only when the runner had closed. */
    public static boolean retryable(ScriptOutcome outcome) {
        return outcome instanceof ScriptOutcome.NotStarted n && ScriptLoop.CLOSED.equals(n.reason());
    }

    /**
     * Starts the runner's thread now, on the calling thread's priority, which every script it
     * spawns inherits: the daemon calls this from its own thread, so that scripts asked for by
     * threads of a lower priority (the exporters') still run at the daemon's.
     */
    public synchronized void prestart() throws SyscallException {
        if (!closed && loop == null) {
            openLoop();
        }
    }

    private CompletableFuture<ScriptOutcome> launch(ScriptCommand command, long timeoutNanos) {
        return launch(command, timeoutNanos, new CompletableFuture<>());
    }

    private synchronized CompletableFuture<ScriptOutcome> launch(ScriptCommand command, long timeoutNanos,
            CompletableFuture<Boolean> started) {
        CompletableFuture<ScriptOutcome> result = new CompletableFuture<>();
        ScriptLoop.Launch launch = new ScriptLoop.Launch(command, timeoutNanos, result, started);
        if (closed) {
            launch.refuse(ScriptLoop.CLOSED);
            return result;
        }
        if (loop == null) {
            try {
                openLoop();
            } catch (SyscallException e) {
                launch.refuse(e.getMessage());
                return result;
            }
        }
        loop.submit(launch);
        return result;
    }

    private void openLoop() throws SyscallException {
        wakeup = EventFd.open();
        loop = new ScriptLoop(wakeup, new UserSwitch(Accounts.effective()), environment, graceNanos);
        thread = new Thread(loop, name + "-scripts");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (loop == null) {
                return;
            }
            loop.close(System.nanoTime() + closeWait.toNanos());
            running = thread;
        }
        try {
            running.join(TimeUnit.NANOSECONDS.toMillis(closeWait.toNanos() + 3 * graceNanos) + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warn("{}: scripts still running after the close bound; leaving them", running.getName());
        } else {
            wakeup.close();
        }
    }
}
