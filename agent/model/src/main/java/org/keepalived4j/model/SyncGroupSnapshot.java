package org.keepalived4j.model;

import java.time.Instant;
import java.util.List;

/**
 * A sync group: as configured, and its state now.
 *
 * @param settings the group as configured
 * @param state MASTER when every member is, FAULT when one is, BACKUP otherwise (INIT while starting)
 * @param lastTransition when it last changed state, or {@code null}
 * @param transitionCount state changes since it was created
 */
public record SyncGroupSnapshot(SyncGroupSettings settings, VrrpState state, Instant lastTransition,
        long transitionCount) {

    public String name() {
        return settings.name();
    }

    public List<String> members() {
        return settings.members();
    }
}
