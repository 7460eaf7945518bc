package org.keepalived4j.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one of keepalived's scripts the daemon's way (no shell, as its own user or else
 * {@code script_user}, leading a process group of its own, with the daemon's environment, at
 * the daemon's priority), for an exporter that has a script to run: the alert sinks run the
 * notify scripts through it.
 */
public interface ScriptLauncher {

    /**
     * Starts {@code script} with {@code arguments} appended to its words; a run that outlives
     * {@code timeout} is ended (SIGTERM to its process group, SIGKILL after a grace). Returns at
     * once.
     */
    Run launch(ScriptLine script, List<String> arguments, Duration timeout);

    /**
     * A run under way.
     *
     * @param started completes {@code true} once the process exists, {@code false} when it
     *        could not be started (then {@code ended} says why)
     * @param ended completes when the run is over, however it ended
     */
    record Run(CompletableFuture<Boolean> started, CompletableFuture<Ending> ended) {
    }

    /**
     * How a run ended.
     *
     * @param started whether the process was started at all
     * @param succeeded whether it exited with status 0
     * @param description what happened, for a log line ({@code exited with status 2},
     *        {@code timed out}, {@code not started: unknown user foo}...)
     * @param retryable for a run not started: whether a later attempt may start it (the daemon
     *        was closing its launcher), rather than never (no such program, no such user)
     */
    record Ending(boolean started, boolean succeeded, String description, boolean retryable) {
    }

    /** A launcher that starts nothing: for a context that has no daemon behind it. */
    ScriptLauncher NONE = (script, arguments, timeout) -> {
        Ending ending = new Ending(false, false, "not started: no script launcher here", false);
        return new Run(CompletableFuture.completedFuture(false), CompletableFuture.completedFuture(ending));
    };
}
