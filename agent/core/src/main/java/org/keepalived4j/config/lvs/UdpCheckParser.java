package org.keepalived4j.config.lvs;

import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** The keywords of UDP_CHECK. */
final class UdpCheckParser {

    private UdpCheckParser() {
    }

    static KeywordTable<CheckerDraft> install(KeywordTable<CheckerDraft> t) {
        return t.line("payload", UdpCheckParser::payload)
                .line("require_reply", UdpCheckParser::requireReply)
                .line("min_reply_length", (ck, n, c) -> ck.minReplyLength = length(n, c, "min", ck.minReplyLength))
                .line("max_reply_length", (ck, n, c) -> ck.maxReplyLength = length(n, c, "max", ck.maxReplyLength));
    }

    private static void payload(CheckerDraft ck, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, "UDP_CHECK payload requires a payload");
            return;
        }
        String hex = hexWords(String.join(" ", n.args()), false);
        if (hex == null) {
            c.error(n, "Invalid hex string for UDP_CHECK payload");
            return;
        }
        ck.payload = hex;
    }

    private static void requireReply(CheckerDraft ck, ConfigNode n, ParseContext c) {
        ck.requireReply = true;
        if (n.args().isEmpty()) {
            return;
        }
        String hex = hexWords(String.join(" ", n.args()), true);
        if (hex == null) {
            c.error(n, "Invalid hex string for UDP_CHECK require_reply");
            return;
        }
        ck.replyPattern = hex;
    }

    private static int length(ConfigNode n, ParseContext c, String which, int previous) {
        LvsArgs args = new LvsArgs(n, c);
        String text = args.required(0);
        if (text == null) {
            return previous;
        }
        String problem = LvsArgs.unsignedProblem(text, 0, 65535);
        if (problem != null) {
            c.error(n, problem + " - UDP_CHECK " + which + " length " + text
                    + " not valid - must be between 0 & 65535");
            return previous;
        }
        return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    }

    /**
     * keepalived's free-format hex: each space-separated word is read two digits at a time from
     * the left, a single trailing digit making a byte of its own ({@code Ab12f 3} is
     * {@code AB 12 0F 03}). With {@code wildcards}, {@code X} stands for any nibble. The result
     * is upper-case hex, two characters per byte; {@code null} if a character is not hex.
     */
    static String hexWords(String text, boolean wildcards) {
        StringBuilder out = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            for (int i = 0; i < word.length(); i += 2) {
                String pair = i + 1 < word.length() ? word.substring(i, i + 2) : "0" + word.charAt(i);
                for (char ch : pair.toCharArray()) {
                    boolean wild = wildcards && (ch == 'x' || ch == 'X');
                    if (!wild && Character.digit(ch, 16) < 0) {
                        return null;
                    }
                    out.append(Character.toUpperCase(ch));
                }
            }
        }
        return out.toString();
    }
}
