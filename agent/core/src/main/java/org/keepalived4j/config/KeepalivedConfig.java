package org.keepalived4j.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keepalived4j.model.Settings;

/**
 * A whole parsed configuration: immutable, with keepalived's defaults applied and every
 * cross-reference (sync group members, tracked scripts...) resolved or dropped with a
 * diagnostic.
 *
 * @param global {@code global_defs}
 * @param statics static addresses, routes and rules
 * @param scripts {@code vrrp_script} blocks, in order
 * @param trackFiles {@code track_file} blocks
 * @param trackProcesses {@code vrrp_track_process} blocks
 * @param syncGroups {@code vrrp_sync_group} blocks
 * @param vrrpInstances {@code vrrp_instance} blocks
 * @param extensions keepalived4j's own blocks ({@code keepalived4j_<name>}), by block name
 * @param lvs {@code virtual_server}, {@code virtual_server_group} and {@code SSL} blocks
 */
public record KeepalivedConfig(
        GlobalConfig global,
        StaticConfig statics,
        List<VrrpScriptConfig> scripts,
        List<TrackFileConfig> trackFiles,
        List<TrackProcessConfig> trackProcesses,
        List<SyncGroupConfig> syncGroups,
        List<VrrpInstanceConfig> vrrpInstances,
        Map<String, Settings> extensions,
        LvsConfig lvs) {

    public KeepalivedConfig {
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        syncGroups = List.copyOf(syncGroups);
        vrrpInstances = List.copyOf(vrrpInstances);
        extensions = Map.copyOf(extensions);
        lvs = lvs == null ? LvsConfig.EMPTY : lvs;
    }

    /** The {@code virtual_server} blocks, validated, in order. */
    public List<VirtualServerConfig> virtualServers() {
        return lvs.virtualServers();
    }

    public Optional<VrrpInstanceConfig> vrrpInstance(String name) {
        return vrrpInstances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<VrrpScriptConfig> script(String name) {
        return scripts.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The sync group an instance belongs to, if any. */
    public Optional<SyncGroupConfig> syncGroupOf(String instance) {
        return syncGroups.stream().filter(g -> g.members().contains(instance)).findFirst();
    }

    /** A keepalived4j settings block, or an empty one if the configuration has none. */
    public Settings extension(String blockName) {
        return extensions.getOrDefault(blockName, Settings.empty(blockName));
    }
}
