package org.keepalived4j.config.read;

import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.SourceLocation;

/**
 * Recognises {@code $NAME=VALUE} lines and collects the lines of a multi-line definition, as
 * keepalived 2.2.7 does: the line must start with '$' (after an {@code @id} prefix, if any), the
 * name is letters, digits and '_' not starting with a digit, and '=' must follow the name at once
 * ({@code $NAME = x} is no definition). A value ending in '\' continues on the following lines,
 * each of which ends the definition unless it too ends in '\'; a blank line also ends it (a
 * line holding only a comment does not, in the same reading).
 */
final class DefinitionReader {

    private final Definitions definitions;
    private final int maxValueBytes;
    private final Diagnostics diagnostics;
    private Definitions.Definition pending;

    DefinitionReader(Definitions definitions, int maxValueBytes, Diagnostics diagnostics) {
        this.definitions = definitions;
        this.maxValueBytes = maxValueBytes;
        this.diagnostics = diagnostics;
    }

    /** Whether a multi-line definition is waiting for its next line. */
    boolean pending() {
        return pending != null;
    }

    /** Defines the parameter if {@code line} is a definition; false if it is not one. */
    boolean define(String line) {
        if (line.length() < 2 || line.charAt(0) != '$'
                || !(ConfigText.isAlpha(line.charAt(1)) || line.charAt(1) == '_')) {
            return false;
        }
        int p = 2;
        while (p < line.length() && line.charAt(p) != '=') {
            if (!(ConfigText.isAlnum(line.charAt(p)) || line.charAt(p) == '_')) {
                return false;
            }
            p++;
        }
        if (p >= line.length()) {
            return false;
        }
        String value = line.substring(ConfigText.skipBlanks(line, p + 1));
        boolean continued = value.endsWith("\\");
        if (continued) {
            String head = ConfigText.stripTrailingBlanks(value.substring(0, value.length() - 1));
            value = head.isEmpty() ? "" : head + "\n";
        }
        Definitions.Definition definition = definitions.define(line.substring(1, p), value, continued);
        pending = continued ? definition : null;
        return true;
    }

    /** The next line of the pending multi-line definition. */
    void continueWith(String line, SourceLocation at) {
        Definitions.Definition definition = pending;
        String part = line;
        if (part.endsWith("\\")) {
            part = ConfigText.stripTrailingBlanks(part.substring(0, part.length() - 1)) + "\n";
        } else {
            end();
        }
        if (part.length() >= 2 || (!part.isEmpty() && pending == null)) {
            if (definition.value.length() + part.length() > maxValueBytes) {
                diagnostics.error(at, "Multi-line definition longer than " + maxValueBytes + " bytes - truncated");
                if (pending != null) {
                    end();
                }
                return;
            }
            definition.value = definition.value + part;
        }
    }

    /** A blank line: ends the pending definition, if any. */
    void blankLine() {
        if (pending != null) {
            end();
        }
    }

    private void end() {
        if (pending.value.isEmpty()) {
            pending.multiline = false;
        }
        pending = null;
    }
}
