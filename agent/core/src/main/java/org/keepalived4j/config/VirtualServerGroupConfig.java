package org.keepalived4j.config;

import java.util.List;

/** A {@code virtual_server_group}: the services that share one set of real servers and checkers. */
public record VirtualServerGroupConfig(String name, SourceLocation location, List<VirtualServerGroupEntry> entries) {

    public VirtualServerGroupConfig {
        entries = List.copyOf(entries);
    }
}
