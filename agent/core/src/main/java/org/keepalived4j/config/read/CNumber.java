package org.keepalived4j.config.read;

import java.math.BigInteger;

/**
 * A number read as C's {@code strtol(s, &end, 0)} reads it: optional blanks and sign, then
 * {@code 0x} hexadecimal, a leading {@code 0} octal, or decimal; clamped to the range of a long.
 *
 * @param value the number (0 if there were no digits)
 * @param end the index after the last digit, or the start index if there were no digits
 */
record CNumber(long value, int end) {

    static CNumber parse(String s, int from) {
        int i = from;
        while (i < s.length() && ConfigText.isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int base = 10;
        if (charAt(s, i) == '0' && (charAt(s, i + 1) == 'x' || charAt(s, i + 1) == 'X')
                && ConfigText.isXdigit(charAt(s, i + 2))) {
            base = 16;
            i += 2;
        } else if (charAt(s, i) == '0') {
            base = 8;
        }
        int digitsStart = i;
        BigInteger value = BigInteger.ZERO;
        while (i < s.length() && Character.digit(s.charAt(i), base) >= 0 && s.charAt(i) < 0x80) {
            value = value.multiply(BigInteger.valueOf(base))
                    .add(BigInteger.valueOf(Character.digit(s.charAt(i), base)));
            if (value.bitLength() > 64) {
                value = BigInteger.ONE.shiftLeft(64);
            }
            i++;
        }
        if (i == digitsStart) {
            return new CNumber(0, from);
        }
        if (negative) {
            value = value.negate();
        }
        long clamped = value.max(BigInteger.valueOf(Long.MIN_VALUE))
                .min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
        return new CNumber(clamped, i);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}
