package org.keepalived4j.config;

/**
 * One thing the configuration reader or parser has to say. Messages never contain secrets
 * (passwords are never echoed).
 *
 * @param severity how serious it is
 * @param location the line it is about, or {@code null} when it concerns the configuration as a whole
 * @param subject the instance, group or server it concerns (e.g. {@code VI_1}), or {@code null}
 * @param message what happened, in keepalived's wording style
 * @param kind what sort of problem it is, where that matters beyond its severity
 */
public record Diagnostic(Severity severity, SourceLocation location, String subject, String message, Kind kind) {

    /** A message that starts with a label of keepalived's own wording. */
    private static final java.util.regex.Pattern LABELLED =
            java.util.regex.Pattern.compile("(WARNING|Warning|Error|ERROR|Configuration error|Note)\\b");

    /** What sort of problem a diagnostic reports, where that matters beyond its severity. */
    public enum Kind {
        /** Anything not listed below. */
        GENERAL,
        /** A keyword that is not known where it stands: the line, and any block it opens, had no effect. */
        UNKNOWN_KEYWORD,
        /**
         * keepalived's "SECURITY VIOLATION": scripts would run without {@code enable_script_security}.
         * {@code -t} exits 6 for it, whatever else it reports.
         */
        SECURITY,
        /**
         * A line that lacks a parameter its keyword needs: keepalived stops reading there, and
         * {@code -t} exits 2 at once.
         */
        MISSING_PARAMETER,
        /**
         * Printed by {@code keepalived -t} without making the configuration unclean (exit 0):
         * a main file that is missing or not a regular non-executable file, an include pattern
         * that matched no file.
         */
        NOT_COUNTED
    }

    public Diagnostic(Severity severity, SourceLocation location, String subject, String message) {
        this(severity, location, subject, message, Kind.GENERAL);
    }

    /**
     * Whether part of the file was rejected or not understood: an error, or a keyword whose
     * line had no effect. A warning (a value adjusted, a deprecated spelling) is not.
     */
    public boolean rejectsPart() {
        return severity == Severity.ERROR || severity == Severity.FATAL || kind == Kind.UNKNOWN_KEYWORD;
    }

    /**
     * Whether {@code keepalived -t} would count it against the configuration: anything it prints,
     * but for what only its log shows ({@link Severity#INFO}) and {@link Kind#NOT_COUNTED}.
     */
    public boolean counted() {
        return severity != Severity.INFO && kind != Kind.NOT_COUNTED;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(' ');
        }
        if (subject != null) {
            sb.append('(').append(subject).append(") ");
        }
        if (kind == Kind.NOT_COUNTED || kind == Kind.SECURITY || kind == Kind.MISSING_PARAMETER
                || LABELLED.matcher(message).lookingAt()) {
            // one label at most: keepalived's own where its wording has one
            return sb.append(message).toString();
        }
        switch (severity) {
            case INFO -> sb.append("Note - ");
            case WARNING -> sb.append("Warning - ");
            case ERROR -> sb.append("Error - ");
            case FATAL -> sb.append("Fatal - ");
            default -> throw new IllegalStateException();
        }
        return sb.append(message).toString();
    }
}
