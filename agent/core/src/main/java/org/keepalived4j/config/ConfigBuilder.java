package org.keepalived4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.global.GlobalDefsParser;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.lvs.LvsSection;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.vrrp.VrrpSection;
import org.keepalived4j.model.Settings;

/**
 * Collects the sections of one configuration while it is read (parse-time only) and, at the
 * end, runs keepalived's post-parse checks and produces the immutable {@link KeepalivedConfig}.
 */
final class ConfigBuilder {

    private final SystemProbe probe;
    private final Map<String, Settings> extensions = new LinkedHashMap<>();
    private final GlobalDraft global = new GlobalDraft();
    private final VrrpSection vrrp = new VrrpSection(global);
    private final LvsSection lvs = new LvsSection(global);
    private boolean aborted;

    ConfigBuilder(SystemProbe probe) {
        this.probe = probe;
    }

    GlobalDraft global() {
        return global;
    }

    void extension(ConfigNode node, ParseContext ctx) {
        if (!node.isBlock()) {
            ctx.error(node, node.keyword() + " requires a block { ... }");
            return;
        }
        if (extensions.containsKey(node.keyword())) {
            ctx.warning(node, node.keyword() + " given more than once - using the last one");
        }
        extensions.put(node.keyword(), ExtensionBlocks.toSettings(node));
    }

    void globalDefs(ConfigNode node, ParseContext ctx) {
        GlobalDefsParser.TABLE.apply(global, node.children(), ctx);
    }

    /** The static, tracking, sync group and instance blocks; {@link VrrpSection#validate} completes them. */
    VrrpSection vrrp() {
        return vrrp;
    }

    /** The LVS blocks; {@link LvsSection#build} turns them into the config's {@code lvs} part. */
    LvsSection lvs() {
        return lvs;
    }

    void aborted() {
        this.aborted = true;
    }

    /** Runs keepalived's post-parse checks (unless reading was aborted) and freezes the result. */
    KeepalivedConfig build(ParseContext ctx) {
        List<VrrpInstanceConfig> done = new ArrayList<>();
        List<SyncGroupConfig> groups = new ArrayList<>();
        if (!aborted) {
            vrrp.validate(ctx, done, groups);
        }
        GlobalConfig globalConfig = global.toConfig(probe.hostName());
        List<TrackFileConfig> files = vrrp.trackFiles();
        LvsConfig lvsConfig = aborted ? LvsConfig.EMPTY : lvs.build(ctx, globalConfig, files);
        return new KeepalivedConfig(globalConfig, vrrp.statics(), vrrp.scripts(), files, vrrp.trackProcesses(), groups,
                done, extensions, vrrp.bfds(), vrrp.garpGroups(), vrrp.linkbeatInterfaces(), vrrp.interfaceDelays(),
                vrrp.trackGroups(ctx), lvsConfig);
    }
}
