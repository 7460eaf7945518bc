package org.keepalived4j.config.read;

import java.util.List;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.SourceLocation;

/**
 * keepalived's include checks: which include problems are errors that stop keepalived from
 * starting (otherwise they are only reported). Set per include by the {@code includer},
 * {@code includem}, {@code includew}, {@code includeb} and {@code includea} variants, and for
 * every later include by the global {@code include_check} keyword.
 */
final class IncludeFlags {

    /** A matched file cannot be read, is a directory, or is not a regular non-executable file. */
    static final int READABLE = 0x01;
    /** A pattern without wildcards names a file that does not exist. */
    static final int MATCH = 0x02;
    /** A pattern with wildcards matches nothing. */
    static final int WILDCARD_MATCH = 0x04;
    /** An alternative of a brace expression matches nothing. */
    static final int BRACE_MATCH = 0x08;
    /** What {@code includea} and {@code include_check} without options set. */
    static final int ALL = READABLE | MATCH | WILDCARD_MATCH | BRACE_MATCH;

    private IncludeFlags() {
    }

    /** The checks an include variant adds: {@code include}, {@code includer}, ... {@code includea}. */
    static int ofVariant(char variant) {
        return switch (variant) {
            case 'r' -> READABLE;
            case 'm' -> READABLE | MATCH;
            case 'w' -> READABLE | MATCH | WILDCARD_MATCH;
            case 'b' -> READABLE | BRACE_MATCH;
            case 'a' -> ALL;
            default -> 0;
        };
    }

    /**
     * The checks after an {@code include_check} line with these options: with none, all; a plain
     * option ({@code read}, {@code match}, {@code wildcard_match}, {@code brace_match}) first sets
     * that check plus "read"; {@code +option} adds and {@code -option} removes one.
     */
    static int apply(int current, List<String> options, SourceLocation at, Diagnostics diagnostics) {
        if (options.isEmpty()) {
            return ALL;
        }
        int flags = current;
        for (int i = 0; i < options.size(); i++) {
            String word = options.get(i);
            char sign = word.isEmpty() ? 0 : word.charAt(0);
            boolean set = sign != '-' && sign != '+';
            if (set && i > 0) {
                diagnostics.error(at, "Duplicate include_check '" + word + "' specified - ignoring");
                continue;
            }
            if (set) {
                flags = 0;
            }
            String name = set ? word : word.substring(1);
            int flag = switch (name) {
                case "read" -> READABLE;
                case "match" -> MATCH;
                case "wildcard_match" -> WILDCARD_MATCH;
                case "brace_match" -> BRACE_MATCH;
                default -> 0;
            };
            if (flag == 0) {
                diagnostics.error(at, "Unknown include_check type '" + name + "' - ignoring");
            } else if (set) {
                flags = READABLE | flag;
            } else if (sign == '+') {
                flags |= flag;
            } else {
                flags &= ~flag;
            }
        }
        return flags;
    }
}
