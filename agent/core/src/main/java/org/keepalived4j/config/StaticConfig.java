package org.keepalived4j.config;

import java.util.List;

/**
 * {@code static_ipaddress}, {@code static_routes} and {@code static_rules}: installed at
 * startup whatever the VRRP state.
 */
public record StaticConfig(List<VipConfig> addresses, List<RouteConfig> routes, List<RuleConfig> rules) {

    public static final StaticConfig NONE = new StaticConfig(List.of(), List.of(), List.of());

    public StaticConfig {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }
}
