package org.keepalived4j.config;

import java.util.List;

/**
 * A {@code track_group} block: the VRRP instances that go to FAULT when a static address,
 * route or rule naming this group ({@code ... track_group NAME}) is lost and cannot be restored.
 *
 * @param name the group name
 * @param location where the block starts
 * @param instances the member instance names (unknown names dropped)
 * @param trackedEntries where the static addresses, routes and rules that name this group were written
 */
public record StaticTrackGroupConfig(String name, SourceLocation location, List<String> instances,
        List<SourceLocation> trackedEntries) {

    public StaticTrackGroupConfig {
        instances = List.copyOf(instances);
        trackedEntries = List.copyOf(trackedEntries);
    }
}
