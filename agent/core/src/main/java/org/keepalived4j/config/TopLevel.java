package org.keepalived4j.config;

/** The top-level keywords of keepalived.conf and the section parser each is handed to. */
final class TopLevel {

    static final KeywordTable<ConfigBuilder> TABLE = new KeywordTable<ConfigBuilder>();

    private TopLevel() {
    }
}
