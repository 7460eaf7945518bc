package org.keepalived4j.model;

import java.time.Instant;

/**
 * A {@code vrrp_script}: as configured, and its verdict now.
 *
 * @param settings the script as configured
 * @param status its verdict
 * @param running whether a run is in progress
 * @param lastRun when it last finished, or {@code null}
 * @param lastExitCode the exit status of its last run (-1: it timed out or could not start)
 */
public record ScriptSnapshot(VrrpScriptSettings settings, ScriptStatus status, boolean running, Instant lastRun,
        int lastExitCode) {

    public String name() {
        return settings.name();
    }
}
