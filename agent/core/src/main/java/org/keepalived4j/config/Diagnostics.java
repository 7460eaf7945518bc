package org.keepalived4j.config;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics while a configuration is read and parsed. Not thread-safe; used by one reader. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void info(SourceLocation at, String subject, String message) {
        add(new Diagnostic(Severity.INFO, at, subject, message));
    }

    public void warning(SourceLocation at, String message) {
        add(new Diagnostic(Severity.WARNING, at, null, message));
    }

    public void warning(SourceLocation at, String subject, String message) {
        add(new Diagnostic(Severity.WARNING, at, subject, message));
    }

    /** keepalived's "Unknown keyword 'X'": the line (and any block it opens) had no effect. */
    public void unknownKeyword(SourceLocation at, String keyword) {
        add(new Diagnostic(Severity.WARNING, at, null, "Unknown keyword '" + keyword + "'",
                Diagnostic.Kind.UNKNOWN_KEYWORD));
    }

    /**
     * keepalived's "SECURITY VIOLATION - ..." about scripts run without enable_script_security.
     * A warning: keepalived runs them all the same, and nothing of the file is rejected (a reload
     * with it is applied); {@code -t} exits 6 for it.
     */
    public void securityViolation(String message) {
        add(new Diagnostic(Severity.WARNING, null, null, message, Diagnostic.Kind.SECURITY));
    }

    /**
     * keepalived's "*** Configuration line starting ... is missing a parameter ...": the line
     * of {@code words} (keyword first) lacks its argument {@code index} (0-based). keepalived
     * stops reading there.
     */
    public void missingParameter(SourceLocation at, List<String> words, int index) {
        add(new Diagnostic(Severity.FATAL, at, null, "*** Configuration line starting `" + words.get(0)
                + "` is missing a parameter after keyword `" + words.get(index) + "` at word position "
                + (index + 2), Diagnostic.Kind.MISSING_PARAMETER));
    }

    /** keepalived's "Unexpected '{' - ignoring": a brace that opens no block. */
    public void unexpectedBrace(SourceLocation at) {
        error(at, "Unexpected '{' - ignoring");
    }

    /** Something keepalived -t prints but does not count against the configuration. */
    public void notCounted(SourceLocation at, Severity severity, String message) {
        add(new Diagnostic(severity, at, null, message, Diagnostic.Kind.NOT_COUNTED));
    }

    public void error(SourceLocation at, String message) {
        add(new Diagnostic(Severity.ERROR, at, null, message));
    }

    public void error(SourceLocation at, String subject, String message) {
        add(new Diagnostic(Severity.ERROR, at, subject, message));
    }

    public void fatal(SourceLocation at, String message) {
        add(new Diagnostic(Severity.FATAL, at, null, message));
    }

    public void fatal(SourceLocation at, String subject, String message) {
        add(new Diagnostic(Severity.FATAL, at, subject, message));
    }

    public void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    /** What has been collected so far, in order. */
    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public boolean hasFatal() {
        return items.stream().anyMatch(d -> d.severity() == Severity.FATAL);
    }
}
