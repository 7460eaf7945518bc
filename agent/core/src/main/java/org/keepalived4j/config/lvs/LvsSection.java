package org.keepalived4j.config.lvs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.LvsConfig;
import org.keepalived4j.config.SslConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.VirtualServerGroupConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.global.ScriptUsers;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * Collects the LVS blocks ({@code virtual_server}, {@code virtual_server_group}, {@code SSL})
 * while a configuration is read, and turns them into an {@link LvsConfig} once the whole file
 * has been seen (group references and track files are resolved then).
 */
public final class LvsSection {

    private final List<VirtualServerDraft> virtualServers = new ArrayList<>();
    private final List<VirtualServerGroupConfig> groups = new ArrayList<>();
    private SslConfig ssl;
    private final ScriptUsers scriptUsers;

    /** @param global the global_defs read so far; scripts take their default user from it */
    public LvsSection(GlobalDraft global) {
        this.scriptUsers = new ScriptUsers(global);
    }

    /**
     * Adds the top-level blocks this section reads to the top-level table.
     *
     * @param section the LVS section of the configuration the table's builder reads
     */
    public static <B> void register(KeywordTable<B> t, Function<B, LvsSection> section) {
        t.block("virtual_server", (b, n, c) -> section.apply(b).withScriptUsers(c).virtualServer(n, c))
                .block("virtual_server_group", (b, n, c) -> section.apply(b).virtualServerGroup(n, c))
                .block("SSL", (b, n, c) -> section.apply(b).ssl(n, c));
    }

    /** Scripts read from here on get their default user as the checker side sets it. */
    private LvsSection withScriptUsers(ParseContext ctx) {
        scriptUsers.serve(ctx);
        return this;
    }

    void virtualServer(ConfigNode node, ParseContext ctx) {
        VirtualServerDraft draft = VirtualServerParser.parse(node, ctx);
        if (draft != null) {
            virtualServers.add(draft);
        }
    }

    void virtualServerGroup(ConfigNode node, ParseContext ctx) {
        VirtualServerGroupConfig group = VirtualServerGroupParser.parse(node, ctx);
        if (group != null) {
            groups.add(group);
        }
    }

    void ssl(ConfigNode node, ParseContext ctx) {
        ssl = SslParser.parse(node, ctx, ssl != null);
    }

    /**
     * Applies keepalived's defaults and validation.
     *
     * @param global the parsed global_defs, or {@code null} for keepalived's defaults
     * @param trackFiles the track_file blocks FILE_CHECK may name
     */
    public LvsConfig build(ParseContext ctx, GlobalConfig global, List<TrackFileConfig> trackFiles) {
        LvsValidator validator = new LvsValidator(ctx, global, trackFiles, groups);
        List<VirtualServerConfig> built = new ArrayList<>();
        for (VirtualServerDraft draft : virtualServers) {
            VirtualServerConfig vs = validator.virtualServer(draft);
            if (vs != null) {
                built.add(vs);
            }
        }
        validator.checkScriptSecurity(built);
        return new LvsConfig(groups, built, ssl);
    }
}
