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
