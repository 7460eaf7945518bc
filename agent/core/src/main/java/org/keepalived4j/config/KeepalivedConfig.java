package org.keepalived4j.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keepalived4j.model.Settings;

/**
 * A whole parsed configuration: immutable, with keepalived's defaults applied and every
 * cross-reference (sync group members, tracked scripts...) resolved or dropped with a
 * diagnostic. Lists are in file order.
 *
 * @param global {@code global_defs} and the top-level daemon keywords
 * @param statics static addresses, routes and rules
 * @param scripts {@code vrrp_script} blocks, in order
 * @param trackFiles {@code track_file} blocks
 * @param trackProcesses {@code vrrp_track_process} blocks
 * @param syncGroups {@code vrrp_sync_group} blocks
 * @param vrrpInstances {@code vrrp_instance} blocks
 * @param extensions keepalived4j's own blocks ({@code keepalived4j_<name>}), by block name
 * @param bfdInstances {@code bfd_instance} blocks
 * @param garpGroups {@code garp_group} blocks
 * @param linkbeatInterfaces {@code linkbeat_interfaces} entries
 * @param interfaceDelays {@code interface_up_down_delays} entries
 * @param staticTrackGroups {@code track_group} blocks
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
        List<BfdInstanceConfig> bfdInstances,
        List<GarpGroupConfig> garpGroups,
        List<LinkbeatInterfaceConfig> linkbeatInterfaces,
        List<InterfaceDelayConfig> interfaceDelays,
        List<StaticTrackGroupConfig> staticTrackGroups,
        LvsConfig lvs) {

    public KeepalivedConfig {
        scripts = List.copyOf(scripts);
        trackFiles = List.copyOf(trackFiles);
        trackProcesses = List.copyOf(trackProcesses);
        syncGroups = List.copyOf(syncGroups);
        vrrpInstances = List.copyOf(vrrpInstances);
        extensions = Map.copyOf(extensions);
        bfdInstances = List.copyOf(bfdInstances);
        garpGroups = List.copyOf(garpGroups);
        linkbeatInterfaces = List.copyOf(linkbeatInterfaces);
        interfaceDelays = List.copyOf(interfaceDelays);
        staticTrackGroups = List.copyOf(staticTrackGroups);
        lvs = lvs == null ? LvsConfig.EMPTY : lvs;
    }

    /** A configuration without BFD, garp groups, linkbeat, interface delays, static track groups or LVS. */
    public KeepalivedConfig(GlobalConfig global, StaticConfig statics, List<VrrpScriptConfig> scripts,
            List<TrackFileConfig> trackFiles, List<TrackProcessConfig> trackProcesses,
            List<SyncGroupConfig> syncGroups, List<VrrpInstanceConfig> vrrpInstances,
            Map<String, Settings> extensions) {
        this(global, statics, scripts, trackFiles, trackProcesses, syncGroups, vrrpInstances, extensions,
                List.of(), List.of(), List.of(), List.of(), List.of(), LvsConfig.EMPTY);
    }

    /** The same configuration with other keepalived4j blocks (from a separate {@code -E} file). */
    public KeepalivedConfig withExtensions(Map<String, Settings> newExtensions) {
        return new KeepalivedConfig(global, statics, scripts, trackFiles, trackProcesses, syncGroups, vrrpInstances,
                newExtensions, bfdInstances, garpGroups, linkbeatInterfaces, interfaceDelays, staticTrackGroups, lvs);
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

    public Optional<BfdInstanceConfig> bfdInstance(String name) {
        return bfdInstances.stream().filter(b -> b.name().equals(name)).findFirst();
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
