package org.keepalived4j.exporter.alerts.alertmanager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v2/alerts}: a JSON array of
 * {@code {labels, annotations, startsAt, endsAt}}, times in RFC 3339 UTC with milliseconds.
 */
final class AlertmanagerJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AlertmanagerJson() {
    }

    /** The array for {@code postings}; a firing one ends at {@code firingEnd}. */
    static String alerts(List<AlertmanagerConditions.Posting> postings, Instant firingEnd) {
        StringBuilder b = new StringBuilder(256 * postings.size() + 2).append('[');
        for (AlertmanagerConditions.Posting p : postings) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"labels\":");
            object(b, p.labels());
            b.append(",\"annotations\":");
            object(b, p.annotations());
            b.append(",\"startsAt\":");
            string(b, time(p.startsAt()));
            b.append(",\"endsAt\":");
            string(b, time(p.firing() ? firingEnd : p.endsAt()));
            b.append('}');
        }
        return b.append(']').toString();
    }

    private static String time(Instant t) {
        // Instant.toString leaves out zero fractions and may give nanoseconds; both parse, milliseconds read better
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static void object(StringBuilder b, Map<String, String> map) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            string(b, e.getValue());
        }
        b.append('}');
    }

    /**
     * {@code s} as a JSON string (RFC 8259 section 7): quote, backslash and the control characters
     * escaped, every other character as it is (the body is sent as UTF-8). An unpaired surrogate,
     * which UTF-8 cannot carry, is written as its {@code \}{@code u} escape, as are U+2028 and
     * U+2029 for readers that take JSON for JavaScript.
     */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || unpaired(s, i)) {
                        b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
