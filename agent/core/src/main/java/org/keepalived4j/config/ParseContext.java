package org.keepalived4j.config;

/**
 * What every section parser needs while it reads: where to report problems and what the
 * machine looks like.
 */
final class ParseContext {

    private final Diagnostics diagnostics;
    private final SystemProbe probe;

    ParseContext(Diagnostics diagnostics, SystemProbe probe) {
        this.diagnostics = diagnostics;
        this.probe = probe;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    SystemProbe probe() {
        return probe;
    }

    /** Value readers for one line. */
    Args args(ConfigNode node) {
        return new Args(node, diagnostics);
    }

    void warning(ConfigNode at, String message) {
        diagnostics.warning(at.location(), message);
    }

    void error(ConfigNode at, String message) {
        diagnostics.error(at.location(), message);
    }

    void warning(ConfigNode at, String subject, String message) {
        diagnostics.warning(at.location(), subject, message);
    }

    void error(ConfigNode at, String subject, String message) {
        diagnostics.error(at.location(), subject, message);
    }
}
