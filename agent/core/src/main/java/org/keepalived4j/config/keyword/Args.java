package org.keepalived4j.config.keyword;

import java.math.BigDecimal;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.read.ConfigNode;

/**
 * Reads the arguments of one configuration line with keepalived's rules for numbers, timers
 * and booleans. Every reader reports a problem as a diagnostic at the line and returns
 * {@code null}, so callers keep the default and carry on as keepalived does.
 */
public final class Args {

    private final ConfigNode node;
    private final Diagnostics diagnostics;

    Args(ConfigNode node, Diagnostics diagnostics) {
        this.node = node;
        this.diagnostics = diagnostics;
    }

    int size() {
        return node.args().size();
    }

    boolean has(int index) {
        return index < node.args().size();
    }

    /** The argument, or {@code null} with an error if it is missing. */
    String string(int index) {
        if (!has(index)) {
            error(node.keyword() + " requires a parameter");
            return null;
        }
        return node.args().get(index);
    }

    /** The argument, or {@code null} silently if it is missing. */
    String optional(int index) {
        return has(index) ? node.args().get(index) : null;
    }

    /** An integer in [min, max]; keepalived's "number outside range" otherwise. */
    Long integer(int index, long min, long max) {
        String text = string(index);
        if (text == null) {
            return null;
        }
        Long value = parseInteger(text);
        if (value == null) {
            error(node.keyword() + " invalid - invalid number '" + text + "'");
            return null;
        }
        if (value < min || value > max) {
            error(node.keyword() + " invalid - number '" + text + "' outside range [" + min + ", " + max + "]");
            return null;
        }
        return value;
    }

    /** {@link #integer} narrowed to int. */
    Integer intValue(int index, int min, int max) {
        Long value = integer(index, min, max);
        return value == null ? null : value.intValue();
    }

    /**
     * A time in seconds with up to six decimals (keepalived's TIMER), returned in microseconds,
     * within [minMicros, maxMicros].
     */
    Long micros(int index, long minMicros, long maxMicros) {
        String text = string(index);
        if (text == null) {
            return null;
        }
        Long value = parseMicros(text);
        if (value == null) {
            error(node.keyword() + " invalid - invalid number '" + text + "'");
            return null;
        }
        if (value < minMicros || value > maxMicros) {
            error(node.keyword() + " '" + text + "' is invalid - number outside range ["
                    + formatMicros(minMicros) + ", " + formatMicros(maxMicros) + "]");
            return null;
        }
        return value;
    }

    /**
     * An optional boolean: absent means true (keepalived's {@code keyword [<BOOL>]}), otherwise
     * one of on|off|true|false|yes|no.
     */
    Boolean bool(int index) {
        if (!has(index)) {
            return Boolean.TRUE;
        }
        String text = node.args().get(index);
        Boolean value = parseBool(text);
        if (value == null) {
            error(node.keyword() + " invalid - '" + text + "' is not one of on|off|true|false|yes|no");
        }
        return value;
    }

    /** Reports that arguments beyond {@code used} were ignored. */
    void noMoreThan(int used) {
        if (node.args().size() > used) {
            warning(node.keyword() + " - extra parameter '" + node.args().get(used) + "' ignored");
        }
    }

    /**
     * The argument at {@code index}; when it is missing keepalived stops reading the whole
     * configuration, so this records a fatal diagnostic and aborts the parse.
     */
    String required(int index) {
        if (has(index)) {
            return node.args().get(index);
        }
        diagnostics.missingParameter(node.location(), node.words(), index);
        throw new ConfigAbortedException();
    }

    /**
     * keepalived's read_unsigned at {@code index} within [min, max]; on failure one error
     * {@code "<failMessage> - <why>"} and {@code null}.
     */
    public Long unsignedIn(int index, long min, long max, String subject, String failMessage) {
        return checked(NumberReading.unsigned(required(index), min, max), subject, failMessage);
    }

    /** keepalived's read_int at {@code index} within [min, max], as {@link #unsignedIn}. */
    public Long signedIn(int index, long min, long max, String subject, String failMessage) {
        return checked(NumberReading.signed(required(index), min, max), subject, failMessage);
    }

    /**
     * keepalived's read_decimal_unsigned at {@code index}: a fixed-point number with
     * {@code shift} decimals, min/max in those units. Extra decimals are rounded with a
     * warning; out-of-range or malformed values are an error and {@code null}.
     */
    public Long decimalIn(int index, long min, long max, int shift, String subject, String failMessage) {
        NumberReading.Result r = NumberReading.decimal(required(index), min, max, shift);
        if (r.ok()) {
            for (String problem : r.problems()) {
                diagnostics.warning(node.location(), subject, problem + " - rounding");
            }
            return r.value();
        }
        return checked(r, subject, failMessage);
    }

    /** A time in seconds with microsecond resolution (keepalived's TIMER), in microseconds. */
    public Long timerIn(int index, long minMicros, long maxMicros, String subject, String failMessage) {
        return decimalIn(index, minMicros, maxMicros, 6, subject, failMessage);
    }

    /**
     * keepalived's optional {@code <BOOL>} (the first argument): absent means true; an invalid
     * word is an error with {@code failMessage} and {@code null}.
     */
    public Boolean optionalBool(String subject, String failMessage) {
        if (!has(0)) {
            return Boolean.TRUE;
        }
        Boolean value = parseBool(node.args().get(0));
        if (value == null) {
            diagnostics.error(node.location(), subject, failMessage);
        }
        return value;
    }

    private Long checked(NumberReading.Result r, String subject, String failMessage) {
        if (r.ok()) {
            return r.value();
        }
        String why = r.problemText();
        diagnostics.error(node.location(), subject, failMessage == null ? why : failMessage + " - " + why);
        return null;
    }

    void error(String message) {
        diagnostics.error(node.location(), message);
    }

    void warning(String message) {
        diagnostics.warning(node.location(), message);
    }

    public static Long parseInteger(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return null;
        }
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    public static Long parseMicros(String text) {
        if (text.isEmpty() || text.length() > 24 || !text.matches("[+]?[0-9]*(\\.[0-9]*)?") || ".".equals(text)
                || "+".equals(text)) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            BigDecimal micros = seconds.movePointRight(6);
            if (micros.scale() > 0 && micros.stripTrailingZeros().scale() > 0) {
                return null;
            }
            return micros.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    public static String formatMicros(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    public static Boolean parseBool(String text) {
        return switch (text) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> null;
        };
    }
}
