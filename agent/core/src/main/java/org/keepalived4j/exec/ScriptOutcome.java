package org.keepalived4j.exec;

/** How one run of a script ended. */
public sealed interface ScriptOutcome {

    /** The script exited with {@code code} (0..255). */
    record Exited(int code) implements ScriptOutcome {
    }

    /** A signal the runner did not send killed the script. */
    record Signalled(int signal) implements ScriptOutcome {
    }

    /**
     * The script outlived its timeout; its process group was sent SIGTERM, then SIGKILL. However
     * it ended afterwards, the run failed (keepalived 2.2.7 would count the exit status of a
     * script that handles SIGTERM and exits 0 as a success; its manual says a script is
     * "considered to have failed" after its timeout, and so do we).
     */
    record TimedOut() implements ScriptOutcome {
    }

    /** The runner was closed while the script ran, and ended it. */
    record Stopped() implements ScriptOutcome {
    }

    /** The script never ran: no such program, an unknown user, the runner closed... */
    record NotStarted(String reason) implements ScriptOutcome {
    }

    /** Whether the script ran and exited 0. */
    default boolean succeeded() {
        return this instanceof Exited e && e.code() == 0;
    }

    /** keepalived-style wording for logs and check details: "exit status 1", "timed out". */
    default String describe() {
        if (this instanceof Exited e) {
            return "exit status " + e.code();
        }
        if (this instanceof Signalled s) {
            return "killed by signal " + s.signal();
        }
        if (this instanceof NotStarted n) {
            return "could not be started: " + n.reason();
        }
        return this instanceof TimedOut ? "timed out" : "stopped";
    }
}
