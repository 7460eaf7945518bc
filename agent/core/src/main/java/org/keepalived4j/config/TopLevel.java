package org.keepalived4j.config;

/** The top-level keywords of keepalived.conf and the section parser each is handed to. */
final class TopLevel {

    static final KeywordTable<ConfigBuilder> TABLE = new KeywordTable<ConfigBuilder>()
            .block("virtual_server", (b, n, c) -> b.lvs().virtualServer(n, c))
            .block("virtual_server_group", (b, n, c) -> b.lvs().virtualServerGroup(n, c))
            .block("SSL", (b, n, c) -> b.lvs().ssl(n, c));

    private TopLevel() {
    }
}
