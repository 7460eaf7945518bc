package org.keepalived4j.config;

/**
 * One thing the configuration reader or parser has to say. Messages never contain secrets
 * (passwords are never echoed).
 *
 * @param severity how serious it is
 * @param location the line it is about, or {@code null} when it concerns the configuration as a whole
 * @param subject the instance, group or server it concerns (e.g. {@code VI_1}), or {@code null}
 * @param message what happened, in keepalived's wording style
 */
public record Diagnostic(Severity severity, SourceLocation location, String subject, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(' ');
        }
        if (subject != null) {
            sb.append('(').append(subject).append(") ");
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
