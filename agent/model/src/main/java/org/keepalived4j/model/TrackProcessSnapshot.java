package org.keepalived4j.model;

import java.time.Duration;

/**
 * A {@code vrrp_track_process}: as configured, and what it sees now.
 *
 * @param index its position among the tracked processes, from 1 (KEEPALIVED-MIB's vrrpProcessIndex)
 * @param name its name
 * @param process {@code process}: the program (path or name)
 * @param parameters {@code param_match} parameters, or {@code null}
 * @param paramMatch {@code param_match}: exact, partial or initial (null when none)
 * @param weight {@code weight}
 * @param reverse {@code weight N reverse}
 * @param quorum {@code quorum}
 * @param quorumMax {@code quorum_max}
 * @param forkDelay {@code fork_delay}
 * @param terminateDelay {@code terminate_delay}
 * @param fullCommand {@code full_command}
 * @param running how many matching processes run now
 * @param up whether that number is within the quorum
 */
public record TrackProcessSnapshot(int index, String name, String process, String parameters, String paramMatch,
        int weight, boolean reverse, int quorum, int quorumMax, Duration forkDelay, Duration terminateDelay,
        boolean fullCommand, int running, boolean up) {
}
