package org.keepalived4j.config.read;

/**
 * One path component of a glob pattern, matched like {@code fnmatch(FNM_PERIOD)}: {@code *},
 * {@code ?}, bracket expressions ({@code [abc]}, {@code [a-z]}, {@code [!x]}/{@code [^x]},
 * {@code [[:alpha:]]}), backslash escapes, and a leading dot that only a literal dot matches.
 */
final class GlobPattern {

    private GlobPattern() {
    }

    /** Whether the component has an unescaped {@code *}, {@code ?} or a closed {@code [...]}. */
    static boolean isMagic(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || (c == '[' && bracketEnd(p, i) > 0)) {
                return true;
            }
        }
        return false;
    }

    /** A component without magic with its backslash escapes removed. */
    static String unescape(String p) {
        StringBuilder sb = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                c = p.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static boolean matches(String pattern, String name) {
        if (!name.isEmpty() && name.charAt(0) == '.' && !startsWithLiteralDot(pattern)) {
            return false;
        }
        return match(pattern, 0, name, 0);
    }

    private static boolean startsWithLiteralDot(String p) {
        return p.startsWith(".") || p.startsWith("\\.");
    }

    private static boolean match(String p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            int step = pi < p.length() ? stepOne(p, pi, s.charAt(si)) : -1;
            if (pi < p.length() && p.charAt(pi) == '*') {
                starP = ++pi;
                starS = si;
            } else if (step > 0) {
                pi = step;
                si++;
            } else if (starP >= 0) {
                pi = starP;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** If the pattern element at pi matches c, the index after it; otherwise -1 (also for '*'). */
    private static int stepOne(String p, int pi, char c) {
        char pc = p.charAt(pi);
        switch (pc) {
            case '*':
                return -1;
            case '?':
                return pi + 1;
            case '[': {
                int end = bracketEnd(p, pi);
                if (end < 0) {
                    return c == '[' ? pi + 1 : -1;
                }
                return inBracket(p, pi + 1, end, c) ? end + 1 : -1;
            }
            case '\\':
                if (pi + 1 < p.length()) {
                    return p.charAt(pi + 1) == c ? pi + 2 : -1;
                }
                return c == '\\' ? pi + 1 : -1;
            default:
                return pc == c ? pi + 1 : -1;
        }
    }

    /** Index of the ']' closing the bracket expression opened at {@code open}, or -1. */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                i += 2;
            } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean inBracket(String p, int from, int end, char c) {
        int i = from;
        boolean negate = p.charAt(i) == '!' || p.charAt(i) == '^';
        if (negate) {
            i++;
        }
        boolean matched = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == '[' && i + 1 < end && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close >= 0 && close < end) {
                    matched |= inClass(p.substring(i + 2, close), c);
                    i = close + 2;
                    first = false;
                    continue;
                }
            }
            if (lo == '\\' && i + 1 < end) {
                lo = p.charAt(++i);
            } else if (lo == ']' && !first) {
                break;
            }
            first = false;
            i++;
            if (i + 1 < end && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                char hi = p.charAt(i + 1);
                if (hi == '\\' && i + 2 < end) {
                    hi = p.charAt(i + 2);
                    i++;
                }
                matched |= c >= lo && c <= hi;
                i += 2;
            } else {
                matched |= c == lo;
            }
        }
        return matched != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> ConfigText.isAlpha(c);
            case "digit" -> ConfigText.isDigit(c);
            case "alnum" -> ConfigText.isAlnum(c);
            case "xdigit" -> ConfigText.isXdigit(c);
            case "space" -> ConfigText.isSpace(c);
            case "blank" -> ConfigText.isBlank(c);
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "punct" -> c > 0x20 && c < 0x7f && !ConfigText.isAlnum(c);
            case "print" -> c >= 0x20 && c < 0x7f;
            case "graph" -> c > 0x20 && c < 0x7f;
            case "cntrl" -> c < 0x20 || c == 0x7f;
            default -> false;
        };
    }
}
