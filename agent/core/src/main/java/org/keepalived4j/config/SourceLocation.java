package org.keepalived4j.config;

/**
 * Where a configuration line came from.
 *
 * @param file the file as the user named it (or as an include resolved it)
 * @param line the 1-based line number in that file (the first physical line of a continued line)
 */
public record SourceLocation(String file, int line) {

    /** keepalived's style: {@code (FILE: Line N)}. */
    @Override
    public String toString() {
        return "(" + file + ": Line " + line + ")";
    }
}
