package org.keepalived4j.config;

/** The top-level keywords of keepalived.conf and the section parser each is handed to. */
final class TopLevel {

    static final KeywordTable<ConfigBuilder> TABLE = build();

    private TopLevel() {
    }

    private static KeywordTable<ConfigBuilder> build() {
        KeywordTable<ConfigBuilder> t = new KeywordTable<ConfigBuilder>()
                .block("global_defs", (b, n, c) -> b.globalDefs(n, c))
                .block("static_ipaddress", (b, n, c) -> b.staticAddresses(n, c))
                .block("static_routes", (b, n, c) -> b.staticRoutes(n, c))
                .block("static_rules", (b, n, c) -> b.staticRules(n, c))
                .block("track_group", (b, n, c) -> b.trackGroup(n, c))
                .block("linkbeat_interfaces", (b, n, c) -> b.linkbeatInterfaces(n, c))
                .block("interface_up_down_delays", (b, n, c) -> b.interfaceDelays(n, c))
                .block("vrrp_script", (b, n, c) -> b.vrrpScript(n, c))
                .block("track_file", (b, n, c) -> b.trackFile(n, c))
                .block("vrrp_track_file", (b, n, c) -> b.trackFile(n, c))
                .block("vrrp_track_process", (b, n, c) -> b.trackProcess(n, c))
                .block("bfd_instance", (b, n, c) -> b.bfdInstance(n, c))
                .block("garp_group", (b, n, c) -> b.garpGroup(n, c))
                .block("vrrp_sync_group", (b, n, c) -> b.syncGroup(n, c))
                .block("vrrp_instance", (b, n, c) -> b.vrrpInstance(n, c))
                .block("virtual_server", (b, n, c) -> b.lvs().virtualServer(n, c))
                .block("virtual_server_group", (b, n, c) -> b.lvs().virtualServerGroup(n, c))
                .block("SSL", (b, n, c) -> b.lvs().ssl(n, c));
        DaemonKeywords.register(t);
        return t;
    }
}
