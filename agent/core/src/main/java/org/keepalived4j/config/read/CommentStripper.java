package org.keepalived4j.config.read;

/**
 * Removes comments and surrounding blanks from one line, as keepalived does to every line it
 * reads (and again after each parameter substitution).
 *
 * <ul>
 *   <li>Leading spaces and tabs are removed; trailing ones too, also before a final {@code \}.</li>
 *   <li>An unquoted {@code #} or {@code !} starts a comment, even in the middle of a word.</li>
 *   <li>Only double quotes quote; a {@code \} makes the next character ordinary (so {@code \"}
 *       neither opens nor closes a quote). Outside quotes {@code \#} and {@code \!} lose their
 *       backslash; every other escape is kept as written.</li>
 *   <li>A {@code \} at the very end of the line is kept (also after a comment is cut off); it is
 *       not a line continuation except in a {@code $NAME=} definition.</li>
 * </ul>
 */
final class CommentStripper {

    /**
     * @param text the line without comments or surrounding blanks
     * @param unterminatedQuote a double quote opened before any comment was not closed
     */
    record Stripped(String text, boolean unterminatedQuote) {
    }

    private CommentStripper() {
    }

    static Stripped strip(String line) {
        int i = ConfigText.skipBlanks(line, 0);
        int n = line.length();
        StringBuilder out = new StringBuilder(n - i);
        boolean quote = false;
        boolean continued = false;
        int commentAt = -1;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                if (commentAt < 0) {
                    quote = !quote;
                }
                out.append(c);
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    continued = true;
                    break;
                }
                char next = line.charAt(i + 1);
                if (!quote && (next == '#' || next == '!')) {
                    out.append(next);
                } else {
                    out.append(c).append(next);
                }
                i += 2;
            } else {
                if ((c == '#' || c == '!') && !quote && commentAt < 0) {
                    commentAt = out.length();
                }
                out.append(c);
                i++;
            }
        }
        if (commentAt >= 0) {
            out.setLength(commentAt);
        }
        String text = ConfigText.stripTrailingBlanks(out.toString());
        if (continued) {
            text = text + '\\';
        }
        return new Stripped(text, quote);
    }
}
