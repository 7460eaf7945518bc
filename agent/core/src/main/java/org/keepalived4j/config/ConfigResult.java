package org.keepalived4j.config;

import java.util.List;

/**
 * What parsing produced: the configuration (always, with bad parts dropped as keepalived
 * drops them) and every diagnostic, in order.
 */
public record ConfigResult(KeepalivedConfig config, List<Diagnostic> diagnostics) {

    public ConfigResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * Whether there is nothing keepalived's {@code -t} would print (only {@link Severity#INFO}
     * notes, which keepalived merely logs): {@code -t} exits 0 only then.
     */
    public boolean clean() {
        return diagnostics.stream().allMatch(d -> d.severity() == Severity.INFO);
    }

    /** Whether the configuration cannot be used at all. */
    public boolean fatal() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.FATAL);
    }
}
