package org.keepalived4j.config.keyword;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a number the way keepalived's config reader does and words the problem the way it
 * does ({@code number '0' outside range [1, 255]}), so a handler can put its own message in
 * front. keepalived accepts leading white space and a {@code +} sign, rejects any trailing
 * character, and reads decimals as fixed-point values with a given number of digits after the
 * point, rounding (with a complaint) when more are given.
 */
public final class NumberReading {

    /**
     * The outcome of one read.
     *
     * @param value the value read (meaningful only when {@code ok})
     * @param problems what keepalived would print about the number, in order
     * @param ok whether keepalived uses the value
     */
    public record Result(long value, List<String> problems, boolean ok) {

        public Result {
            problems = List.copyOf(problems);
        }

        public String problemText() {
            return String.join(" - ", problems);
        }

        static Result good(long value) {
            return new Result(value, List.of(), true);
        }

        public static Result bad(String problem) {
            return new Result(0, List.of(problem), false);
        }
    }

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private NumberReading() {
    }

    /** keepalived's read_int: a signed decimal within [min, max]. */
    public static Result signed(String text, long min, long max) {
        String body = text.stripLeading();
        Long value = parseDigits(body, true);
        if (value == null) {
            return Result.bad(tooLong(body, true) ? "number '" + text + "' outside integer range"
                    : "invalid number '" + text + "'");
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return Result.bad("number '" + text + "' outside integer range");
        }
        if (value < min || value > max) {
            return Result.bad("number '" + text + "' outside range [" + min + ", " + max + "]");
        }
        return Result.good(value);
    }

    /** keepalived's read_unsigned: an unsigned decimal within [min, max]. */
    public static Result unsigned(String text, long min, long max) {
        String body = text.stripLeading();
        if (body.startsWith("-")) {
            return Result.bad("negative number '" + text + "'");
        }
        Long value = parseDigits(body, false);
        if (value == null) {
            return Result.bad(tooLong(body, false) ? "number '" + text + "' outside unsigned integer range"
                    : "invalid number '" + text + "'");
        }
        if (value > UINT_MAX) {
            return Result.bad("number '" + text + "' outside unsigned integer range");
        }
        if (value < min || value > max) {
            return Result.bad("number '" + text + "' outside range [" + min + ", " + max + "]");
        }
        return Result.good(value);
    }

    /**
     * keepalived's read_decimal_unsigned: a decimal with at most {@code shift} digits after the
     * point, returned multiplied by 10^shift; min and max are in those units. More digits are
     * rounded with a complaint, and the value is still used if it is within range.
     */
    public static Result decimal(String text, long min, long max, int shift) {
        List<String> problems = new ArrayList<>();
        if (text.startsWith("-")) {
            return Result.bad("negative number '" + text + "'");
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        boolean roundUp = false;
        if (fraction.length() > shift) {
            problems.add("number '" + text + "' has too many decimal places");
            roundUp = fraction.charAt(shift) >= '5';
            fraction = fraction.substring(0, shift);
        }
        String digits = whole + fraction + "0".repeat(shift - fraction.length());
        Long value = parseDigits(digits.stripLeading(), false);
        if (value == null) {
            problems.add(tooLong(digits.stripLeading(), false) ? "number '" + text + "' outside unsigned decimal range"
                    : "invalid number '" + text + "'");
            return new Result(0, problems, false);
        }
        if (roundUp) {
            value++;
        }
        if (value < min || value > max) {
            problems.add("number '" + text + "' outside range [" + fixed(min, shift) + ", " + fixed(max, shift) + "]");
            return new Result(value, problems, false);
        }
        return new Result(value, problems, true);
    }

    /** {@code value / 10^shift} with exactly {@code shift} decimals, as keepalived prints ranges. */
    static String fixed(long value, int shift) {
        if (shift == 0) {
            return Long.toString(value);
        }
        long unit = (long) Math.pow(10, shift);
        String frac = Long.toString(value % unit);
        return value / unit + "." + "0".repeat(shift - frac.length()) + frac;
    }

    private static Long parseDigits(String body, boolean allowMinus) {
        int start = 0;
        if (!body.isEmpty() && (body.charAt(0) == '+' || allowMinus && body.charAt(0) == '-')) {
            start = 1;
        }
        if (start == body.length()) {
            return body.isEmpty() ? 0L : null;
        }
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        if (tooLong(body, allowMinus)) {
            return null;
        }
        return Long.parseLong(body.charAt(0) == '+' ? body.substring(1) : body);
    }

    private static boolean tooLong(String body, boolean allowMinus) {
        String digits = body.replaceFirst(allowMinus ? "^[+-]" : "^[+]", "");
        return digits.chars().allMatch(Character::isDigit) && digits.replaceFirst("^0+", "").length() > 18;
    }
}
