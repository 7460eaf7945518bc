package org.keepalived4j.config;

import java.util.List;
import org.keepalived4j.config.keyword.ConfigAbortedException;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.ConfigReader;

/**
 * Turns the lines {@link ConfigReader} produced into a {@link KeepalivedConfig}: every
 * top-level block is handed to its section parser, keepalived4j's own blocks become
 * {@link org.keepalived4j.model.Settings}, and anything else is reported and skipped as
 * keepalived does.
 */
public final class KeepalivedConfigParser {

    private final SystemProbe probe;

    public KeepalivedConfigParser(SystemProbe probe) {
        this.probe = probe;
    }

    /** Parses already-read top-level lines, adding problems to {@code diagnostics}. */
    public ConfigResult parse(List<ConfigNode> topLevel, Diagnostics diagnostics) {
        ParseContext ctx = new ParseContext(diagnostics, probe);
        ConfigBuilder builder = new ConfigBuilder(probe);
        try {
            for (ConfigNode node : topLevel) {
                if (ExtensionBlocks.isExtension(node.keyword())) {
                    builder.extension(node, ctx);
                } else {
                    TopLevel.TABLE.apply(builder, node, ctx);
                }
            }
        } catch (ConfigAbortedException e) {
            builder.aborted();
        }
        KeepalivedConfig config = builder.build(ctx);
        return new ConfigResult(config, diagnostics.all());
    }
}
