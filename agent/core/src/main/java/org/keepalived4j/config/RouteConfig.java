package org.keepalived4j.config;

import java.util.List;

/**
 * One line of {@code virtual_routes} or {@code static_routes}, as {@code ip route add} would
 * read it.
 *
 * @param spec the words of the line as written (used to install the route)
 * @param destination the destination prefix ({@code 0.0.0.0/0} for {@code default})
 * @param device {@code dev}, or {@code null}
 * @param noTrack {@code no_track}
 * @param location where it was written
 */
public record RouteConfig(List<String> spec, IpPrefix destination, String device, boolean noTrack,
        SourceLocation location) {

    public RouteConfig {
        spec = List.copyOf(spec);
    }
}
