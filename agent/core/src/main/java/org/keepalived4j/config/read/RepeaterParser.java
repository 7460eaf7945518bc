package org.keepalived4j.config.read;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.SourceLocation;

/**
 * Parses the head of a ~SEQ or ~LST line with keepalived 2.2.7's rules:
 * {@code ~SEQ(var, end)}, {@code ~SEQ(var, start, end)}, {@code ~SEQ(var, start, step, end)}
 * (numbers in C notation: {@code 0x1f} hexadecimal, a leading {@code 0} octal; parameters may
 * use {@code $NAME}; the whole parameter text must be under 63 bytes), {@code ~SEQx(...)} for
 * hexadecimal values, and {@code ~LST(var, v1, v2, ...)} or
 * {@code ~LST({var1, var2}, {v1, v2}, ...)} where missing values are empty.
 */
final class RepeaterParser {

    /** keepalived's buffer for the ~SEQ parameters holds 63 bytes and a NUL. */
    private static final int SEQ_PARAMS_MAX = 63;

    private final MacroExpander expander;
    private final ReadBudget budget;
    private final Diagnostics diagnostics;

    RepeaterParser(MacroExpander expander, ReadBudget budget, Diagnostics diagnostics) {
        this.expander = expander;
        this.budget = budget;
        this.diagnostics = diagnostics;
    }

    /** The repeater for {@code line} (which starts with ~SEQ or ~LST), or null after a diagnostic. */
    Repeater parse(String line, SourceLocation at) {
        return line.charAt(1) == 'S' ? parseSeq(line, at) : parseLst(line, at);
    }

    private Repeater parseSeq(String buf, SourceLocation at) {
        int p = 4;
        boolean hex = charAt(buf, p) == 'x';
        if (hex) {
            p++;
        }
        p = ConfigText.skipBlanks(buf, p);
        if (charAt(buf, p) != '(') {
            return fail(at, "Invalid ~SEQ specification");
        }
        p = ConfigText.skipBlanks(buf, p + 1);
        int varStart = p;
        while (p < buf.length() && " \t,)".indexOf(buf.charAt(p)) < 0) {
            p++;
        }
        String variable = buf.substring(varStart, p);
        p = ConfigText.skipBlanks(buf, p);
        if (p >= buf.length() || buf.charAt(p) == ')' || variable.isEmpty()) {
            return fail(at, "Invalid ~SEQ definition");
        }
        p = ConfigText.skipBlanks(buf, p + 1);
        int close = buf.indexOf(')', p);
        if (close < 0 || close + 1 - p > SEQ_PARAMS_MAX) {
            return fail(at, "~SEQ parameter strings too long");
        }
        MultilineState scratch = new MultilineState();
        String params = expander.expand(buf.substring(p, close + 1), SEQ_PARAMS_MAX,
                budget.limits().maxSubstitutionsPerLine(), scratch, 0, at, budget, diagnostics).text();
        if (scratch.active()) {
            return fail(at, "~SEQ parameter is multiline definition");
        }
        long[] range = range(params, at);
        if (range == null) {
            return null;
        }
        if (hex && (range[0] < 0 || range[2] < 0)) {
            return fail(at, "~SEQx is only valid for positive numbers");
        }
        String text = buf.substring(ConfigText.skipBlanks(buf, close + 1));
        return new Repeater.Sequence(variable, range[0], range[1], range[2], hex, text, at);
    }

    /** start, step and end from "one)", "one,two)" or "one,two,three)". */
    private long[] range(String s, SourceLocation at) {
        CNumber one = CNumber.parse(s, 0);
        int p = ConfigText.skipBlanks(s, one.end());
        if (charAt(s, p) == ')') {
            long end = one.value();
            return new long[] {end < 0 ? -1 : 1, end < 1 ? -1 : 1, end};
        }
        if (charAt(s, p) != ',') {
            return failRange(at, "Invalid ~SEQ definition");
        }
        CNumber two = CNumber.parse(s, p + 1);
        p = ConfigText.skipBlanks(s, two.end());
        if (charAt(s, p) == ')') {
            long start = one.value();
            long end = two.value();
            return new long[] {start, start <= end ? 1 : -1, end};
        }
        if (charAt(s, p) != ',') {
            return failRange(at, "Invalid ~SEQ definition");
        }
        CNumber three = CNumber.parse(s, p + 1);
        p = ConfigText.skipBlanks(s, three.end());
        if (charAt(s, p) != ')') {
            return failRange(at, "Invalid ~SEQ definition");
        }
        long start = one.value();
        long step = two.value();
        long end = three.value();
        if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
            return failRange(at, "Invalid ~SEQ values");
        }
        return new long[] {start, step, end};
    }

    private Repeater parseLst(String buf, SourceLocation at) {
        int p = ConfigText.skipBlanks(buf, 4);
        if (charAt(buf, p) != '(') {
            return fail(at, "Invalid ~LST specification");
        }
        p = ConfigText.skipBlanks(buf, p + 1);
        char endChar = ',';
        if (charAt(buf, p) == '{') {
            endChar = '}';
            p = ConfigText.skipBlanks(buf, p + 1);
        }
        List<String> variables = new ArrayList<>();
        while (true) {
            int start = p;
            while (p < buf.length() && " \t,}".indexOf(buf.charAt(p)) < 0) {
                p++;
            }
            variables.add(buf.substring(start, p));
            p = ConfigText.skipBlanks(buf, p);
            if (charAt(buf, p) == endChar) {
                break;
            }
            if (charAt(buf, p) != ',') {
                return fail(at, "Invalid ~LST specification");
            }
            p = ConfigText.skipBlanks(buf, p + 1);
        }
        if (charAt(buf, p) == '}') {
            p = ConfigText.skipBlanks(buf, p + 1);
        }
        if (charAt(buf, p) != ',') {
            return fail(at, "Invalid ~LST specification");
        }
        p = ConfigText.skipBlanks(buf, p + 1);
        List<List<String>> valueSets = new ArrayList<>();
        int[] cursor = {p};
        while (true) {
            List<String> values = valueSet(buf, cursor, variables.size(), at);
            if (values == null) {
                return null;
            }
            valueSets.add(values);
            p = cursor[0];
            if (charAt(buf, p) == ')') {
                break;
            }
            if (charAt(buf, p) != ',') {
                return fail(at, "Invalid ~LST specification");
            }
            cursor[0] = ConfigText.skipBlanks(buf, p + 1);
        }
        String text = buf.substring(ConfigText.skipBlanks(buf, p + 1));
        return new Repeater.ValueList(variables, valueSets, text, at);
    }

    /** One value, or one {@code {v1, v2, ...}} set padded with empty values; advances cursor. */
    private List<String> valueSet(String buf, int[] cursor, int variableCount, SourceLocation at) {
        int p = cursor[0];
        char endChar = ',';
        if (charAt(buf, p) == '{') {
            endChar = '}';
            p = ConfigText.skipBlanks(buf, p + 1);
        }
        List<String> values = new ArrayList<>();
        while (true) {
            int start = p;
            while (p < buf.length() && " \t,})".indexOf(buf.charAt(p)) < 0) {
                p++;
            }
            values.add(buf.substring(start, p));
            p = ConfigText.skipBlanks(buf, p);
            if (charAt(buf, p) == endChar || (charAt(buf, p) == ')' && endChar == ',')) {
                break;
            }
            if (charAt(buf, p) != ',') {
                return fail(at, "Invalid ~LST specification");
            }
            p = ConfigText.skipBlanks(buf, p + 1);
            if (values.size() > variableCount - 1) {
                return fail(at, "~LST specification has too many values");
            }
        }
        while (values.size() < variableCount) {
            values.add("");
        }
        if (charAt(buf, p) == '}' && endChar == '}') {
            p = ConfigText.skipBlanks(buf, p + 1);
        }
        cursor[0] = p;
        return values;
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private <T> T fail(SourceLocation at, String message) {
        diagnostics.error(at, message);
        return null;
    }

    private long[] failRange(SourceLocation at, String message) {
        diagnostics.error(at, message);
        return null;
    }
}
