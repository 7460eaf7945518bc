package org.keepalived4j.config.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second, richer way keepalived splits text into words, used only where it runs a program:
 * the command of a {@code notify*}/{@code quorum_*} script (applied to the script word), and the
 * whole line of {@code script} (vrrp_script), {@code misc_path} and the HTTP {@code regex}.
 *
 * <p>Both {@code "} and {@code '} quote; quotes may start or stop anywhere inside a word and are
 * removed ({@code ab"c d"e} is the single word {@code abc de}). Backslash escapes work inside and
 * outside quotes: {@code \a \b \E \f \n \r \t \v}, up to three octal digits, {@code \x} followed
 * by hex digits, {@code \cC} for a control character; any other escaped character stands for
 * itself (so {@code \"} is a literal quote that neither opens nor closes a string).
 *
 * <p>{@link ConfigReader} does not apply this to {@link ConfigNode#args()}: those follow
 * keepalived's ordinary splitting (double quotes only, no escapes).
 */
public final class EscapedWordSplitter {

    private EscapedWordSplitter() {
    }

    /** Whether {@code c} separates words (keepalived's {@code WHITE_SPACE}). */
    public static boolean separates(char c) {
        return ConfigText.WHITE_SPACE.indexOf(c) >= 0;
    }

    /**
     * Splits {@code text}.
     *
     * @return the words, or empty if a quote is not closed or the text ends in a lone backslash
     */
    public static Optional<List<String>> split(String text) {
        String src = ConfigText.fromUnicode(text);
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (true) {
            while (i < n && ConfigText.WHITE_SPACE.indexOf(src.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                return Optional.of(words);
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= n) {
                        return Optional.empty();
                    }
                    i = unescape(src, i + 1, word);
                } else if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                    i++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    i++;
                } else if (ConfigText.WHITE_SPACE.indexOf(c) >= 0) {
                    break;
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (quote != 0) {
                return Optional.empty();
            }
            words.add(ConfigText.toUnicode(word.toString()));
        }
    }

    /** Decodes the escape whose first char is at {@code at}; returns the index after it. */
    private static int unescape(String src, int at, StringBuilder out) {
        int i = at;
        char c = src.charAt(i);
        int n = src.length();
        int value;
        if (c == 'x' && i + 1 < n && ConfigText.isXdigit(src.charAt(i + 1))) {
            value = 0;
            i++;
            while (i < n && ConfigText.isXdigit(src.charAt(i))) {
                value = (value << 4) | Character.digit(src.charAt(i), 16);
                i++;
            }
        } else if (c == 'c' && i + 1 < n) {
            value = src.charAt(i + 1) & 0x1f;
            i += 2;
        } else if (c >= '0' && c <= '7') {
            value = 0;
            for (int digits = 0; digits < 3 && i < n && src.charAt(i) >= '0' && src.charAt(i) <= '7'; digits++) {
                value = (value << 3) + (src.charAt(i) - '0');
                i++;
            }
        } else {
            value = switch (c) {
                case 'a' -> 0x07;
                case 'b' -> 0x08;
                case 'E' -> 0x1b;
                case 'f' -> 0x0c;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0b;
                default -> c;
            };
            i++;
        }
        out.append((char) (value & 0xff));
        return i;
    }
}
