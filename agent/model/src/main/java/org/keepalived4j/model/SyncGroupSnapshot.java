package org.keepalived4j.model;

import java.time.Instant;
import java.util.List;

/**
 * A {@code vrrp_sync_group}: instances that change state together.
 *
 * @param name the group name
 * @param state the group state (MASTER only when every member is MASTER, FAULT when any is)
 * @param members the member instance names, in configuration order
 * @param lastTransition when the group state last changed
 * @param transitionCount how many state changes since the group was created
 */
public record SyncGroupSnapshot(String name, VrrpState state, List<String> members, Instant lastTransition,
        long transitionCount) {

    public SyncGroupSnapshot {
        members = List.copyOf(members);
    }
}
