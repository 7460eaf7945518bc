package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.keepalived4j.config.BfdInstanceConfig;
import org.keepalived4j.config.GarpGroupConfig;
import org.keepalived4j.config.InterfaceDelayConfig;
import org.keepalived4j.config.LinkbeatInterfaceConfig;
import org.keepalived4j.config.StaticConfig;
import org.keepalived4j.config.StaticTrackGroupConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.TrackProcessConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.global.ScriptUsers;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * Collects the VRRP side of a configuration while it is read: the static and tracking blocks
 * ({@code static_*}, {@code track_group}, {@code linkbeat_interfaces},
 * {@code interface_up_down_delays}, {@code vrrp_script}, {@code track_file},
 * {@code vrrp_track_process}, {@code bfd_instance}, {@code garp_group}) and the
 * {@code vrrp_sync_group} and {@code vrrp_instance} blocks that name them. Once the whole file
 * has been seen, {@link #validate} runs keepalived's post-parse checks and completes the
 * instances and sync groups. Its public methods are what the top-level parser needs: the
 * blocks to register, the checks to run, and the parts of the finished configuration.
 */
public final class VrrpSection {

    private final GlobalDraft global;
    private final ScriptUsers scriptUsers;
    private final RuleLineParser.PreferenceCounter rulePreferences = new RuleLineParser.PreferenceCounter();
    private final StaticSectionsParser.Draft statics = new StaticSectionsParser.Draft(rulePreferences);
    private final Map<String, VrrpScriptConfig> scripts = new LinkedHashMap<>();
    private final Map<String, TrackFileConfig> trackFiles = new LinkedHashMap<>();
    private final Map<String, TrackProcessConfig> trackProcesses = new LinkedHashMap<>();
    private final Map<String, BfdInstanceConfig> bfds = new LinkedHashMap<>();
    private final List<GarpGroupConfig> garpGroups = new ArrayList<>();
    private final Set<String> garpInterfaces = new HashSet<>();
    private int garpGroupCount;
    private final List<SyncGroupParser.Draft> syncGroups = new ArrayList<>();
    private final Map<String, InstanceDraft> instances = new LinkedHashMap<>();

    /** @param global the global_defs read so far; instances take their defaults from it */
    public VrrpSection(GlobalDraft global) {
        this.global = global;
        this.scriptUsers = new ScriptUsers(global);
    }

    /**
     * Adds the top-level blocks this section reads to the top-level table.
     *
     * @param section the VRRP section of the configuration the table's builder reads
     */
    public static <B> void register(KeywordTable<B> t, Function<B, VrrpSection> section) {
        t.block("static_ipaddress", (b, n, c) -> section.apply(b).staticAddresses(n, c))
                .block("static_routes", (b, n, c) -> section.apply(b).staticRoutes(n, c))
                .block("static_rules", (b, n, c) -> section.apply(b).staticRules(n, c))
                .block("track_group", (b, n, c) -> section.apply(b).trackGroup(n, c))
                .block("linkbeat_interfaces", (b, n, c) -> section.apply(b).linkbeatInterfaces(n, c))
                .block("interface_up_down_delays", (b, n, c) -> section.apply(b).interfaceDelays(n, c))
                .block("vrrp_script", (b, n, c) -> section.apply(b).vrrpScript(n, c))
                .block("track_file", (b, n, c) -> section.apply(b).trackFile(n, c))
                .block("vrrp_track_file", (b, n, c) -> section.apply(b).trackFile(n, c))
                .block("vrrp_track_process", (b, n, c) -> section.apply(b).trackProcess(n, c))
                .block("bfd_instance", (b, n, c) -> section.apply(b).bfdInstance(n, c))
                .block("garp_group", (b, n, c) -> section.apply(b).garpGroup(n, c))
                .block("vrrp_sync_group", (b, n, c) -> section.apply(b).withScriptUsers(c).syncGroup(n, c))
                .block("vrrp_instance", (b, n, c) -> section.apply(b).withScriptUsers(c).vrrpInstance(n, c));
    }

    /** Notify scripts read from here on get their default user as the VRRP side sets it. */
    private VrrpSection withScriptUsers(ParseContext ctx) {
        scriptUsers.serve(ctx);
        return this;
    }

    RuleLineParser.PreferenceCounter rulePreferences() {
        return rulePreferences;
    }

    void staticAddresses(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.addresses(statics, node, ctx, global.defaultInterface != null ? global.defaultInterface
                : "eth0");
    }

    void staticRoutes(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.routes(statics, node, ctx);
    }

    void staticRules(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.rules(statics, node, ctx);
    }

    void trackGroup(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.trackGroup(statics, node, ctx);
    }

    void linkbeatInterfaces(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.linkbeat(statics, node, ctx);
    }

    void interfaceDelays(ConfigNode node, ParseContext ctx) {
        StaticSectionsParser.delays(statics, node, ctx);
    }

    void vrrpScript(ConfigNode node, ParseContext ctx) {
        ctx.param(node, 0);
        VrrpScriptConfig s = VrrpScriptParser.parse(node, ctx, global, scriptUsers);
        if (s != null) {
            scripts.putIfAbsent(s.name(), s);
        }
    }

    void trackFile(ConfigNode node, ParseContext ctx) {
        ctx.param(node, 0);
        TrackFileConfig f = TrackFileParser.parse(node, ctx);
        if (f != null) {
            trackFiles.putIfAbsent(f.name(), f);
        }
    }

    void trackProcess(ConfigNode node, ParseContext ctx) {
        ctx.param(node, 0);
        TrackProcessConfig p = TrackProcessParser.parse(node, ctx);
        if (p != null) {
            trackProcesses.putIfAbsent(p.name(), p);
        }
    }

    void bfdInstance(ConfigNode node, ParseContext ctx) {
        ctx.param(node, 0);
        BfdInstanceConfig b = BfdInstanceParser.parse(node, ctx, bfds.containsKey(node.arg(0)));
        if (b != null) {
            bfds.put(b.name(), b);
        }
    }

    void garpGroup(ConfigNode node, ParseContext ctx) {
        GarpGroupConfig g = GarpGroupParser.parse(node, ctx, garpInterfaces, ++garpGroupCount);
        if (g != null) {
            garpGroups.add(g);
        }
    }

    void syncGroup(ConfigNode node, ParseContext ctx) {
        if (node.args().size() != 1) {
            ctx.error(node, null, "vrrp_sync_group must have a name - skipping");
            return;
        }
        if (syncGroups.stream().anyMatch(g -> g.name.equals(node.arg(0)))) {
            ctx.error(node, null, "vrrp sync group " + node.arg(0) + " already defined");
            return;
        }
        SyncGroupParser.Draft g = new SyncGroupParser.Draft(this, node.arg(0), node);
        syncGroups.add(g);
        SyncGroupParser.TABLE.apply(g, node.children(), ctx);
    }

    void vrrpInstance(ConfigNode node, ParseContext ctx) {
        if (node.args().size() != 1) {
            ctx.error(node, null, "vrrp_instance must have a name");
            return;
        }
        if (instances.containsKey(node.arg(0))) {
            ctx.error(node, null, "vrrp instance " + node.arg(0) + " already defined");
            return;
        }
        InstanceDraft d = new InstanceDraft(this, node.arg(0), node);
        d.skipCheckAdvAddr = global.skipCheckAdvAddr;
        instances.put(d.name, d);
        VrrpInstanceParser.TABLE.apply(d, node.children(), ctx);
        endOfInstance(d, ctx);
    }

    private static void endOfInstance(InstanceDraft d, ParseContext ctx) {
        if (d.unicastConfigured && (d.useVmac || d.useIpvlan)) {
            if (d.interfaceName == null) {
                ctx.errorAtEnd(d.node, d.name, "Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac");
                d.useVmac = false;
                d.useIpvlan = false;
                d.vmacName = null;
            } else if (!d.vmacXmitBase) {
                ctx.warningAtEnd(d.node, d.name, "unicast with use_vmac requires vmac_xmit_base - setting");
                d.vmacXmitBase = true;
            }
        }
        if (d.peers.isEmpty() && d.unicastTtl != -1) {
            ctx.errorAtEnd(d.node, d.name, "Cannot use unicast_ttl without unicast peers - resetting");
            d.unicastTtl = -1;
        }
    }

    boolean hasScript(String name) {
        return scripts.containsKey(name);
    }

    boolean hasTrackFile(String name) {
        return trackFiles.containsKey(name);
    }

    boolean hasTrackProcess(String name) {
        return trackProcesses.containsKey(name);
    }

    boolean hasBfd(String name) {
        return bfds.containsKey(name);
    }

    int scriptWeight(String name) {
        VrrpScriptConfig s = scripts.get(name);
        return s == null ? 0 : s.weight();
    }

    int trackFileWeight(String name) {
        TrackFileConfig f = trackFiles.get(name);
        return f == null ? 1 : f.weight();
    }

    int trackProcessWeight(String name) {
        TrackProcessConfig p = trackProcesses.get(name);
        return p == null ? 1 : p.weight();
    }

    int bfdWeight(String name) {
        BfdInstanceConfig b = bfds.get(name);
        return b == null ? 0 : b.weight();
    }

    /** The instance already using this VMAC interface name, or {@code null}. */
    String vmacNameUser(String vmacName) {
        return instances.values().stream().filter(i -> vmacName.equals(i.vmacName)).map(i -> i.name).findFirst()
                .orElse(null);
    }

    /**
     * Runs keepalived's post-parse checks and adds the instances and sync groups that pass to
     * the two lists (neither, where keepalived refuses the configuration).
     */
    public void validate(ParseContext ctx, List<VrrpInstanceConfig> outInstances, List<SyncGroupConfig> outGroups) {
        new VrrpValidator(ctx, global, scriptUsers).validate(scripts, syncGroups, instances, outInstances,
                outGroups);
    }

    public StaticConfig statics() {
        return new StaticConfig(statics.addresses, statics.routes, statics.rules);
    }

    public List<VrrpScriptConfig> scripts() {
        return List.copyOf(scripts.values());
    }

    public List<TrackFileConfig> trackFiles() {
        return List.copyOf(trackFiles.values());
    }

    public List<TrackProcessConfig> trackProcesses() {
        return List.copyOf(trackProcesses.values());
    }

    public List<BfdInstanceConfig> bfds() {
        return List.copyOf(bfds.values());
    }

    public List<GarpGroupConfig> garpGroups() {
        return garpGroups;
    }

    public List<LinkbeatInterfaceConfig> linkbeatInterfaces() {
        return statics.linkbeat;
    }

    public List<InterfaceDelayConfig> interfaceDelays() {
        return statics.delays;
    }

    /** The {@code track_group} blocks, members resolved now that all instances are known. */
    public List<StaticTrackGroupConfig> trackGroups(ParseContext ctx) {
        return StaticTrackGroups.build(statics, instances.keySet(), ctx);
    }
}
