package org.keepalived4j.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.keepalived4j.linux.ChildProcess;
import org.keepalived4j.linux.EventFd;
import org.keepalived4j.linux.PollSet;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.linux.WaitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's thread: spawns what was asked for, then sleeps in ppoll on an eventfd (new work,
 * closing) and one pidfd per running script, until one ends or the nearest deadline. Every
 * field but the queue, the closing deadline and the ended flag is confined to this thread.
 */
final class ScriptLoop implements Runnable {

    /**
     * A start asked for; {@code timeoutNanos} is negative for none. {@code started} completes
     * {@code true} once the process exists, {@code false} when it was not started.
     */
    record Launch(ScriptCommand command, long timeoutNanos, CompletableFuture<ScriptOutcome> result,
            CompletableFuture<Boolean> started) {

        void refuse(String reason) {
            result.complete(new ScriptOutcome.NotStarted(reason));
            started.complete(false);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScriptLoop.class);
    private static final long IDLE_NANOS = 60_000_000_000L;
    /** Why a start was refused once the runner closed: the one reason a later attempt may do better. */
    static final String CLOSED = "script runner closed";

    private final Queue<Launch> launches = new ConcurrentLinkedQueue<>();
    private final List<RunningScript> running = new ArrayList<>();
    private final PollSet poll = new PollSet(8);
    private final EventFd wakeup;
    private final UserSwitch users;
    private final List<String> environment;
    private final long graceNanos;
    private volatile boolean closing;
    private volatile boolean ended;
    private volatile long closeDeadline;

    ScriptLoop(EventFd wakeup, UserSwitch users, List<String> environment, long graceNanos) {
        this.wakeup = wakeup;
        this.users = users;
        this.environment = environment;
        this.graceNanos = graceNanos;
    }

    /** Queues a start (any thread); refused at once when the thread has ended. */
    void submit(Launch launch) {
        launches.add(launch);
        if (ended) {
            refuseQueued();
            return;
        }
        wake();
    }

    /** Stops taking work once what is queued has started; scripts still running at {@code deadline} are ended. */
    void close(long deadline) {
        closeDeadline = deadline;
        closing = true;
        wake();
    }

    @Override
    public void run() {
        try {
            while (true) {
                long now = System.nanoTime();
                startQueued(now);
                if (closing && now - closeDeadline >= 0) {
                    running.forEach(r -> r.stop(now));
                }
                for (RunningScript r : running) {
                    r.escalate(now);
                }
                if (closing && running.isEmpty() && launches.isEmpty()) {
                    return;
                }
                waitForEvents(now);
            }
        } catch (SyscallException | RuntimeException e) {
            LOG.error("script runner failed; abandoning {} running script(s)", running.size(), e);
            running.forEach(r -> r.result.complete(new ScriptOutcome.NotStarted("script runner failed")));
        } finally {
            // the eventfd stays open: its owner closes it once this thread is gone
            ended = true;
            running.forEach(r -> r.process.close());
            refuseQueued();
            poll.close();
        }
    }

    private void refuseQueued() {
        Launch launch;
        while ((launch = launches.poll()) != null) {
            launch.refuse(CLOSED);
        }
    }

    private void startQueued(long now) {
        Launch launch;
        while ((launch = launches.poll()) != null) {
            try {
                ChildProcess child = ChildProcess.start(users.argv(launch.command()), environment);
                running.add(new RunningScript(child, launch.command().program(), launch.result(),
                        launch.timeoutNanos(), graceNanos, now));
                launch.started().complete(true);
            } catch (UserSwitch.UnknownAccountException | SyscallException | IllegalArgumentException e) {
                launch.refuse(e.getMessage());
            }
        }
    }

    private void waitForEvents(long now) throws SyscallException {
        long timeout = IDLE_NANOS;
        for (RunningScript r : running) {
            if (r.hasDeadline()) {
                timeout = Math.min(timeout, Math.max(0, r.deadline() - now));
            }
        }
        if (closing && closeDeadline - now > 0) {
            timeout = Math.min(timeout, closeDeadline - now);
        }
        poll.resize(running.size() + 1);
        poll.set(0, wakeup.fd());
        for (int i = 0; i < running.size(); i++) {
            poll.set(i + 1, running.get(i).process.fd());
        }
        if (poll.poll(timeout) == 0) {
            return;
        }
        wakeup.drain();
        for (int i = running.size() - 1; i >= 0; i--) {
            if (poll.readyEvents(i + 1) != 0) {
                reap(i);
            }
        }
    }

    private void reap(int index) throws SyscallException {
        RunningScript r = running.get(index);
        Optional<WaitStatus> status = r.process.reap();
        if (status.isEmpty()) {
            return;
        }
        running.remove(index);
        ScriptOutcome outcome = r.ended(status.get());
        r.process.close();
        r.result.complete(outcome);
    }

    private void wake() {
        try {
            wakeup.signal();
        } catch (SyscallException e) {
            LOG.error("cannot wake the script runner", e);
        }
    }
}
