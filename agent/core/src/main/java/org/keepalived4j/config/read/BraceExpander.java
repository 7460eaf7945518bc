package org.keepalived4j.config.read;

import java.util.ArrayList;
import java.util.List;

/**
 * csh-style brace expansion as glibc's {@code glob(GLOB_BRACE)} does it: the first unescaped
 * {@code {a,b,...}} with a matching close brace is replaced by each alternative in turn (nested
 * braces and braces later in the pattern are expanded within each result). A pattern whose
 * braces do not match is used as written. {@code {a}} and {@code {}} are expansions too.
 */
final class BraceExpander {

    private BraceExpander() {
    }

    /**
     * The patterns {@code pattern} stands for, in order (duplicates kept), or null if there would
     * be more than {@code max}.
     */
    static List<String> expand(String pattern, int max) {
        List<String> out = new ArrayList<>();
        return expandInto(pattern, max, out) ? out : null;
    }

    private static boolean expandInto(String pattern, int max, List<String> out) {
        int open = findOpen(pattern);
        int close = open < 0 ? -1 : findClose(pattern, open);
        if (close < 0) {
            if (out.size() >= max) {
                return false;
            }
            out.add(pattern);
            return true;
        }
        String prefix = pattern.substring(0, open);
        String suffix = pattern.substring(close + 1);
        int start = open + 1;
        int depth = 0;
        for (int i = open + 1; i <= close; i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < close) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if ((c == ',' && depth == 0) || i == close) {
                if (!expandInto(prefix + pattern.substring(start, i) + suffix, max, out)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static int findOpen(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                return i;
            }
        }
        return -1;
    }

    private static int findClose(String p, int open) {
        int depth = 0;
        for (int i = open + 1; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
