package org.keepalived4j.config;

/**
 * A {@code vrrp_track_process} block.
 *
 * @param name the block name
 * @param location where the block starts
 * @param process {@code process}: the process name (or full command line with {@code full_command})
 * @param parameters {@code param_match} parameters, or {@code null}
 * @param paramMatch {@code param_match}: exact, partial or initial
 * @param quorum {@code quorum} (default 1)
 * @param quorumMax {@code quorum_max}
 * @param weight {@code weight}
 * @param reverse {@code weight N reverse}
 * @param delayMicros {@code delay}
 * @param terminateDelayMicros {@code terminate_delay}
 * @param forkDelayMicros {@code fork_delay}
 * @param fullCommand {@code full_command}
 */
public record TrackProcessConfig(String name, SourceLocation location, String process, String parameters,
        String paramMatch, int quorum, int quorumMax, int weight, boolean reverse, long delayMicros,
        long terminateDelayMicros, long forkDelayMicros, boolean fullCommand) {
}
