package org.keepalived4j.config;

import java.util.List;

/**
 * The LVS part of a configuration.
 *
 * @param groups {@code virtual_server_group} blocks that have entries
 * @param virtualServers {@code virtual_server} blocks that survived validation, in order
 * @param ssl the {@code SSL} block, or {@code null}
 */
public record LvsConfig(List<VirtualServerGroupConfig> groups, List<VirtualServerConfig> virtualServers,
        SslConfig ssl) {

    public static final LvsConfig EMPTY = new LvsConfig(List.of(), List.of(), null);

    public LvsConfig {
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
    }
}
