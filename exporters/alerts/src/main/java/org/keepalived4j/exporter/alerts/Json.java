package org.keepalived4j.exporter.alerts;

/**
 * Writes JSON text (RFC 8259) into a {@link StringBuilder}: just enough for the sinks' bodies
 * (web hook, Alertmanager), so the module needs no JSON library. Callers write the structure;
 * this class gets the strings right.
 */
public final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /**
     * Appends {@code s} as a JSON string, or {@code null} for none. Escaped: the quote, the
     * backslash and every control character (RFC 8259 §7), U+2028 and U+2029 (which JavaScript
     * source cannot hold raw), and a surrogate that is not half of a pair, which UTF-8 cannot
     * encode (it would reach the receiver as {@code ?}); all other characters are written as they
     * are and leave as UTF-8.
     */
    public static StringBuilder string(StringBuilder out, String s) {
        if (s == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** {@code s} as a JSON string. */
    public static String string(String s) {
        return string(new StringBuilder(s == null ? 4 : s.length() + 8), s).toString();
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }

    /** Appends {@code "name":} after a comma unless it is the object's first member. */
    public static StringBuilder member(StringBuilder out, String name) {
        char last = out.charAt(out.length() - 1);
        if (last != '{') {
            out.append(',');
        }
        return string(out, name).append(':');
    }

    /** Appends {@code map} as an object of string members, in the map's order. */
    public static StringBuilder object(StringBuilder out, java.util.Map<String, String> map) {
        out.append('{');
        for (java.util.Map.Entry<String, String> e : map.entrySet()) {
            string(member(out, e.getKey()), e.getValue());
        }
        return out.append('}');
    }
}
