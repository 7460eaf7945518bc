package org.keepalived4j.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.keepalived4j.model.Settings;

/** Collects the sections of one configuration while it is parsed; parse-time only. */
final class ConfigBuilder {

    private final SystemProbe probe;
    private final Map<String, Settings> extensions = new LinkedHashMap<>();
    private final LvsSection lvs = new LvsSection();

    ConfigBuilder(SystemProbe probe) {
        this.probe = probe;
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

    /** The LVS blocks; {@link LvsSection#build} turns them into the config's {@code lvs} part. */
    LvsSection lvs() {
        return lvs;
    }

    KeepalivedConfig build(ParseContext ctx) {
        throw new IllegalStateException("section parsers not yet wired for " + probe.hostName() + ctx);
    }
}
