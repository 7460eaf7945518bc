package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@code vrrp_script} and its current verdict.
 *
 * @param name the script block's name
 * @param status the current verdict
 * @param running whether an execution is in progress now (keepalived's {@code state}: 1 running, 0 idle)
 * @param weight the configured weight (0: a failure faults the tracking instances)
 * @param interval how often it runs
 * @param timeout how long one run may take before it counts as a failure
 * @param lastRun when it last finished, or {@code null} if it has not run
 * @param lastExitCode the last exit status, or -1 if it timed out or has not run
 */
public record ScriptSnapshot(String name, ScriptStatus status, boolean running, int weight, Duration interval,
        Duration timeout, Instant lastRun, int lastExitCode) {
}
