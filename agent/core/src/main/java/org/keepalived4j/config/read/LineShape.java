package org.keepalived4j.config.read;

/**
 * Rules about the shape of a logical line, as keepalived 2.2.7 applies them: conditional
 * prefixes, include lines, and the splitting of lines at braces.
 */
final class LineShape {

    /** A line split at its first brace: the part to use now and the rest to read next (or null). */
    record Split(String head, String rest) {
    }

    private LineShape() {
    }

    /**
     * {@code @id rest} or {@code @^id rest}: the rest if the config id matches (or, with '^', does
     * not), otherwise "". The id must be followed by a space or tab.
     *
     * @param configId byte-per-char, or null for none
     */
    static String conditional(String line, String configId) {
        boolean negated = line.length() > 1 && line.charAt(1) == '^';
        int idStart = negated ? 2 : 1;
        int blank = idStart;
        while (blank < line.length() && !ConfigText.isBlank(line.charAt(blank))) {
            blank++;
        }
        if (blank >= line.length()) {
            return "";
        }
        boolean matches = configId != null && configId.equals(line.substring(idStart, blank));
        return matches == negated ? "" : line.substring(ConfigText.skipBlanks(line, blank));
    }

    /**
     * The include checks an include line adds ({@code include}: none, {@code includer},
     * {@code includem}, {@code includew}, {@code includeb}, {@code includea}), or -1 if the line
     * is not an include line. The keyword must be followed by white space.
     */
    static int includeType(String line) {
        if (!line.startsWith("include") || line.length() <= 7) {
            return -1;
        }
        char variant = line.charAt(7);
        if (ConfigText.isSpace(variant)) {
            return 0;
        }
        if (line.length() > 8 && ConfigText.isSpace(line.charAt(8)) && "rmwba".indexOf(variant) >= 0) {
            return IncludeFlags.ofVariant(variant);
        }
        return -1;
    }

    /** The pattern of an include line: the rest of the line after the keyword, quotes and all. */
    static String includePattern(String line) {
        int start = ConfigText.isSpace(line.charAt(7)) ? 8 : 9;
        return line.substring(ConfigText.skipBlanks(line, Math.min(start, line.length())));
    }

    /**
     * Splits the line before its first brace that is not inside double quotes, or after it when
     * the line starts with one; trailing blanks are removed from both parts.
     */
    static Split splitAtBrace(String line) {
        int brace = -1;
        if (line.charAt(0) == '{' || line.charAt(0) == '}') {
            brace = 0;
        } else {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '{' || c == '}') {
                    brace = i;
                    break;
                }
                if (c == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) {
                        break;
                    }
                    i = close;
                }
            }
        }
        if (brace >= 0) {
            int cut = brace == 0 ? ConfigText.skipBlanks(line, 1) : brace;
            if (cut < line.length()) {
                return new Split(ConfigText.stripTrailingBlanks(line.substring(0, cut)),
                        ConfigText.stripTrailingBlanks(line.substring(cut)));
            }
        }
        return new Split(ConfigText.stripTrailingBlanks(line), null);
    }
}
