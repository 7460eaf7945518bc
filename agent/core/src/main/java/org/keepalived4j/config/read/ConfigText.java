package org.keepalived4j.config.read;

import java.nio.charset.StandardCharsets;

/**
 * Configuration text as keepalived sees it: a sequence of bytes compared with the C library's
 * character classes in the "C" locale. Lines are held as ISO-8859-1 strings (one char per byte)
 * so every rule works on bytes exactly as in keepalived; words are turned back into Unicode
 * (UTF-8) only when they leave the reader.
 */
final class ConfigText {

    /** keepalived's word separators (its {@code WHITE_SPACE}). */
    static final String WHITE_SPACE = " \t\f\n\r\u000b";

    private ConfigText() {
    }

    /** Bytes as a byte-per-char string. */
    static String fromBytes(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A Unicode string as its UTF-8 bytes, one char per byte. */
    static String fromUnicode(String text) {
        return fromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A byte-per-char string decoded as UTF-8 (malformed sequences become U+FFFD). */
    static String toUnicode(String bytes) {
        for (int i = 0; i < bytes.length(); i++) {
            if (bytes.charAt(i) >= 0x80) {
                return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return bytes;
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    static boolean isXdigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** C {@code isblank}: space or tab. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** C {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Index of the first char at or after {@code from} that is not a space or tab. */
    static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The string without trailing spaces and tabs. */
    static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
