package org.keepalived4j.config;

import org.keepalived4j.config.global.DaemonKeywords;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.lvs.LvsSection;
import org.keepalived4j.config.vrrp.VrrpSection;

/**
 * The top-level keywords of keepalived.conf and the section each is handed to: global_defs here,
 * the VRRP blocks in {@link VrrpSection#register}, the LVS blocks in {@link LvsSection#register},
 * and the daemon keywords in {@link DaemonKeywords#register}.
 */
final class TopLevel {

    static final KeywordTable<ConfigBuilder> TABLE = build();

    private TopLevel() {
    }

    private static KeywordTable<ConfigBuilder> build() {
        KeywordTable<ConfigBuilder> t = new KeywordTable<ConfigBuilder>()
                .block("global_defs", (b, n, c) -> b.globalDefs(n, c));
        VrrpSection.register(t, ConfigBuilder::vrrp);
        LvsSection.register(t, ConfigBuilder::lvs);
        DaemonKeywords.register(t, ConfigBuilder::global);
        return t;
    }
}
