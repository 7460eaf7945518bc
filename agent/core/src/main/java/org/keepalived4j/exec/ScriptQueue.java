package org.keepalived4j.exec;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Starts scripts one after another: each starts once the one queued before it has ended, however
 * that ended. For scripts whose order matters (notify scripts); nothing waits on a thread.
 */
public final class ScriptQueue {

    private final ScriptRunner runner;
    private CompletableFuture<ScriptOutcome> last = CompletableFuture.completedFuture(null);

    public ScriptQueue(ScriptRunner runner) {
        this.runner = runner;
    }

    /** Queues {@code command} with a deadline counted from its own start. */
    public CompletableFuture<ScriptOutcome> start(ScriptCommand command, Duration timeout) {
        return after(() -> runner.start(command, timeout));
    }

    /** Queues {@code command} with no deadline. */
    public CompletableFuture<ScriptOutcome> start(ScriptCommand command) {
        return after(() -> runner.start(command));
    }

    private synchronized CompletableFuture<ScriptOutcome> after(Supplier<CompletableFuture<ScriptOutcome>> start) {
        last = last.handle((outcome, failure) -> null).thenCompose(ignored -> start.get());
        return last;
    }
}
