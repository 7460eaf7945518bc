package org.keepalived4j.config;

import org.keepalived4j.config.global.DaemonKeywords;
import org.keepalived4j.config.keyword.KeywordTable;

/** The top-level keywords of keepalived.conf and the section parser each is handed to. */
final class TopLevel {

    static final KeywordTable<ConfigBuilder> TABLE = build();

    private TopLevel() {
    }

    private static KeywordTable<ConfigBuilder> build() {
        KeywordTable<ConfigBuilder> t = new KeywordTable<ConfigBuilder>()
                .block("global_defs", (b, n, c) -> b.globalDefs(n, c))
                .block("static_ipaddress", (b, n, c) -> b.vrrp().staticAddresses(n, c))
                .block("static_routes", (b, n, c) -> b.vrrp().staticRoutes(n, c))
                .block("static_rules", (b, n, c) -> b.vrrp().staticRules(n, c))
                .block("track_group", (b, n, c) -> b.vrrp().trackGroup(n, c))
                .block("linkbeat_interfaces", (b, n, c) -> b.vrrp().linkbeatInterfaces(n, c))
                .block("interface_up_down_delays", (b, n, c) -> b.vrrp().interfaceDelays(n, c))
                .block("vrrp_script", (b, n, c) -> b.vrrp().vrrpScript(n, c))
                .block("track_file", (b, n, c) -> b.vrrp().trackFile(n, c))
                .block("vrrp_track_file", (b, n, c) -> b.vrrp().trackFile(n, c))
                .block("vrrp_track_process", (b, n, c) -> b.vrrp().trackProcess(n, c))
                .block("bfd_instance", (b, n, c) -> b.vrrp().bfdInstance(n, c))
                .block("garp_group", (b, n, c) -> b.vrrp().garpGroup(n, c))
                .block("vrrp_sync_group", (b, n, c) -> b.vrrp().syncGroup(n, c))
                .block("vrrp_instance", (b, n, c) -> b.vrrp().vrrpInstance(n, c))
                .block("virtual_server", (b, n, c) -> b.lvs().virtualServer(n, c))
                .block("virtual_server_group", (b, n, c) -> b.lvs().virtualServerGroup(n, c))
                .block("SSL", (b, n, c) -> b.lvs().ssl(n, c));
        DaemonKeywords.register(t, ConfigBuilder::global);
        return t;
    }
}
