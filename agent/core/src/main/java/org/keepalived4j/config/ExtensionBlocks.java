package org.keepalived4j.config;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * keepalived4j's own top-level blocks, {@code keepalived4j_<name> { ... }}: keepalived
 * reports them as unknown keywords and skips them, so one file can serve a mixed cluster.
 * Their contents are handed to the exporter of that name as {@link Settings}; the exporter
 * validates them.
 */
final class ExtensionBlocks {

    static final String PREFIX = "keepalived4j_";

    private ExtensionBlocks() {
    }

    static boolean isExtension(String keyword) {
        return keyword.startsWith(PREFIX) && keyword.length() > PREFIX.length();
    }

    static Settings toSettings(ConfigNode block) {
        return new Settings(block.keyword(), source(block), entries(block.children()));
    }

    private static List<Setting> entries(List<ConfigNode> lines) {
        List<Setting> out = new ArrayList<>(lines.size());
        for (ConfigNode line : lines) {
            Settings nested = line.isBlock()
                    ? new Settings(line.keyword(), source(line), entries(line.children()))
                    : null;
            out.add(new Setting(line.keyword(), line.args(), nested, source(line)));
        }
        return out;
    }

    private static String source(ConfigNode node) {
        return node.location().file() + ":" + node.location().line();
    }
}
