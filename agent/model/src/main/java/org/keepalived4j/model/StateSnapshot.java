package org.keepalived4j.model;

import java.util.List;
import java.util.Optional;

/**
 * The whole daemon at one moment: assembled when asked for, from per-object immutable snapshots.
 * Every list is in configuration order (the order of the objects' {@code index}).
 *
 * @param daemon the daemon and global_defs
 * @param vrrpInstances the VRRP instances
 * @param syncGroups the sync groups
 * @param scripts the vrrp_scripts
 * @param trackFiles the vrrp_track_files
 * @param trackProcesses the vrrp_track_processes
 * @param trackBfds the BFD sessions instances track
 * @param virtualServerGroups the virtual_server_groups
 * @param virtualServers the virtual servers and their real servers
 */
public record StateSnapshot(
        DaemonSnapshot daemon,
        List<VrrpInstanceSnapshot> vrrpInstances,
        List<SyncGroupSnapshot> syncGroups,
        List<ScriptSnapshot> scripts,
        List<TrackFileSnapshot> trackFiles,
        List<TrackProcessSnapshot> trackProcesses,
        List<TrackBfdSnapshot> trackBfds,
        List<VirtualServerGroupSnapshot> virtualServerGroups,
        List<VirtualServerSnapshot> virtualServers) {

    public StateSnapshot {
        vrrpInstances = List.copyOf(vrrpInstances);
        syncGroups = List.copyOf(syncGroups);
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        trackBfds = List.copyOf(trackBfds);
        virtualServerGroups = List.copyOf(virtualServerGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    /** A state with no tracked files, processes, BFD sessions or virtual server groups. */
    public StateSnapshot(DaemonSnapshot daemon, List<VrrpInstanceSnapshot> vrrpInstances,
            List<SyncGroupSnapshot> syncGroups, List<ScriptSnapshot> scripts,
            List<VirtualServerSnapshot> virtualServers) {
        this(daemon, vrrpInstances, syncGroups, scripts, List.of(), List.of(), List.of(), List.of(), virtualServers);
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

    /** A copy with other virtual servers (the same everything else). */
    public StateSnapshot withVirtualServers(List<VirtualServerSnapshot> servers) {
        return new StateSnapshot(daemon, vrrpInstances, syncGroups, scripts, trackFiles, trackProcesses, trackBfds,
                virtualServerGroups, servers);
    }
}
