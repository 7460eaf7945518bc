package org.keepalived4j.model;

import java.util.List;
import java.util.Optional;

/**
 * The whole daemon at one moment: assembled when asked for, from per-object immutable snapshots.
 */
public record StateSnapshot(
        DaemonSnapshot daemon,
        List<VrrpInstanceSnapshot> vrrpInstances,
        List<SyncGroupSnapshot> syncGroups,
        List<ScriptSnapshot> scripts,
        List<VirtualServerSnapshot> virtualServers) {

    public StateSnapshot {
        vrrpInstances = List.copyOf(vrrpInstances);
        syncGroups = List.copyOf(syncGroups);
        scripts = List.copyOf(scripts);
        virtualServers = List.copyOf(virtualServers);
    }

    /** The VRRP instance with this name, if there is one. */
    public Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
        return vrrpInstances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The sync group with this name, if there is one. */
    public Optional<SyncGroupSnapshot> syncGroup(String name) {
        return syncGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The virtual server with this key, if there is one. */
    public Optional<VirtualServerSnapshot> virtualServer(String key) {
        return virtualServers.stream().filter(v -> v.key().equals(key)).findFirst();
    }
}
