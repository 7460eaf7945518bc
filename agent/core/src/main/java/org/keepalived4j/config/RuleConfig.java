package org.keepalived4j.config;

import java.util.List;

/**
 * One line of {@code virtual_rules} or {@code static_rules}, as {@code ip rule add} would read it.
 *
 * @param spec the words of the line as written (used to install the rule)
 * @param preference the rule preference (keepalived assigns one with a warning when missing)
 * @param noTrack {@code no_track}
 * @param location where it was written
 */
public record RuleConfig(List<String> spec, Integer preference, boolean noTrack, SourceLocation location) {

    public RuleConfig {
        spec = List.copyOf(spec);
    }
}
