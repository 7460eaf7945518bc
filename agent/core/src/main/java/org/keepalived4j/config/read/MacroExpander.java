package org.keepalived4j.config.read;

import java.util.Random;
import java.util.function.Supplier;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.SourceLocation;

/**
 * Replaces {@code $NAME} and {@code ${NAME}} references on one line, as keepalived 2.2.7 does.
 *
 * <ul>
 *   <li>{@code $NAME} is replaced only when followed by a space, tab, comma, {@code )} or the end
 *       of the line ({@code $NAME/24} stays as written); {@code ${NAME}} anywhere.</li>
 *   <li>Replacement text is scanned again at once, so references inside values expand at use
 *       time (recursively); scanning stops after a value that starts with {@code ~}.</li>
 *   <li>An undefined reference stays as written.</li>
 *   <li>A multi-line parameter is replaced only when its reference ends the line: by its first
 *       line, and its other lines are read after this one.</li>
 *   <li>{@code ${_RANDOM MIN MAX}} takes up to two numeric parameters.</li>
 * </ul>
 */
final class MacroExpander {

    enum Outcome {
        /** Nothing was replaced. */
        NONE,
        /** At least one reference was replaced. */
        REPLACED,
        /** A replacement would make the line too long; the text is as far as it got. */
        OVERFLOW,
        /** Endless substitution (a parameter that refers to itself); the line must be dropped. */
        RUNAWAY
    }

    /**
     * @param outcome what happened
     * @param text the line after substitution
     * @param substitutions how many references were replaced
     */
    record Result(Outcome outcome, String text, int substitutions) {
    }

    private record Match(Definitions.Definition definition, int end, String params) {
    }

    private final Definitions definitions;
    private final Supplier<String> currentDirectory;
    private final String instance;
    private final Random random;

    /**
     * @param currentDirectory the directory of the file being read ({@code ${_PWD}})
     * @param instance the config id ({@code ${_INSTANCE}}), byte-per-char
     */
    MacroExpander(Definitions definitions, Supplier<String> currentDirectory, String instance, Random random) {
        this.definitions = definitions;
        this.currentDirectory = currentDirectory;
        this.instance = instance;
        this.random = random;
    }

    /**
     * One substitution pass over {@code line}.
     *
     * @param maxLength the longest line allowed
     * @param allowed how many more substitutions this line may take (a line may go through
     *        several passes, e.g. when a substitution produces an {@code @id} prefix)
     * @param multiline where multi-line expansions stand; updated when one starts
     * @param repeaterCount how many ~SEQ/~LST repeaters are active
     * @param at the line's location, remembered as the origin of a multi-line expansion
     */
    Result expand(String line, int maxLength, int allowed, MultilineState multiline, int repeaterCount,
                  SourceLocation at, ReadBudget budget, Diagnostics diagnostics) {
        String buf = line;
        int cursor = 0;
        int count = 0;
        boolean found = false;
        String pointer = multiline.remaining();
        String nextPointer = null;
        while (true) {
            int dollar = buf.indexOf('$', cursor);
            if (dollar < 0 || dollar + 1 >= buf.length()) {
                break;
            }
            Match match = find(buf, dollar + 1);
            if (match == null) {
                cursor = dollar + 1;
                continue;
            }
            if (++count > allowed || !budget.substitution()) {
                diagnostics.error(at, "Parameter substitution does not terminate - ignoring line");
                return new Result(Outcome.RUNAWAY, buf, count);
            }
            found = true;
            nextPointer = pointer;
            Definitions.Definition def = match.definition();
            if (def.multiline && pointer != null) {
                if (multiline.depth() >= budget.limits().maxMultilineDepth()) {
                    diagnostics.error(at, "Multi-line parameters nested more than "
                            + budget.limits().maxMultilineDepth() + " deep - ignoring the rest");
                    multiline.clear();
                    return new Result(Outcome.RUNAWAY, buf, count);
                }
                multiline.push(pointer);
            }
            if (def.multiline) {
                multiline.begin(repeaterCount, at);
            }
            if (def.builtin != null) {
                def.value = builtinValue(def.builtin, match.params(), at, diagnostics);
            }
            String replacing = def.value;
            if (def.multiline) {
                int nl = replacing.indexOf('\n');
                nextPointer = nl < 0 ? "" : replacing.substring(nl + 1);
                replacing = nl < 0 ? replacing : replacing.substring(0, nl);
                pointer = nextPointer;
            }
            int newLength = buf.length() - (match.end() - dollar) + replacing.length();
            if (newLength >= maxLength + 1) {
                diagnostics.warning(at, "Parameter substitution would exceed maximum line length");
                return new Result(Outcome.OVERFLOW, buf, count);
            }
            buf = buf.substring(0, dollar) + replacing + buf.substring(match.end());
            cursor = dollar;
            int first = ConfigText.skipBlanks(def.value, 0);
            if (first < def.value.length() && def.value.charAt(first) == '~') {
                break;
            }
        }
        if (!found) {
            return new Result(Outcome.NONE, buf, 0);
        }
        multiline.setRemaining(nextPointer);
        return new Result(Outcome.REPLACED, buf, count);
    }

    /** The reference whose name starts at {@code at} (just after the '$'), if it is one. */
    private Match find(String s, int at) {
        int len = s.length();
        int p = at;
        boolean braces = s.charAt(p) == '{';
        if (braces) {
            p++;
        }
        if (p >= len || !(ConfigText.isAlpha(s.charAt(p)) || s.charAt(p) == '_')) {
            return null;
        }
        int nameStart = p++;
        while (p < len && (ConfigText.isAlnum(s.charAt(p)) || s.charAt(p) == '_')) {
            p++;
        }
        int nameEnd = p;
        int paramStart = -1;
        int paramEnd = -1;
        if (braces) {
            while (p < len && (s.charAt(p) == ' ' || ConfigText.isDigit(s.charAt(p)))) {
                if (s.charAt(p) != ' ') {
                    paramStart = paramStart < 0 ? p : paramStart;
                    paramEnd = p;
                }
                p++;
            }
            if ((paramStart >= 0 && paramEnd + 1 != p) || p >= len || s.charAt(p) != '}') {
                return null;
            }
        } else if (p < len && " \t,)".indexOf(s.charAt(p)) < 0) {
            return null;
        }
        boolean allowMultiline = braces ? nameEnd + 1 == len : nameEnd == len;
        Definitions.Definition def = definitions.find(s.substring(nameStart, nameEnd), allowMultiline);
        if (def == null || (paramStart >= 0 && def.maxParams == 0)) {
            return null;
        }
        String params = paramStart >= 0 ? s.substring(paramStart, paramEnd + 1) : null;
        return new Match(def, braces ? p + 1 : nameEnd, params);
    }

    private String builtinValue(Definitions.Builtin builtin, String params, SourceLocation at, Diagnostics diagnostics) {
        return switch (builtin) {
            case PWD -> currentDirectory.get();
            case INSTANCE -> instance;
            case RANDOM -> randomValue(params, at, diagnostics);
        };
    }

    private String randomValue(String params, SourceLocation at, Diagnostics diagnostics) {
        long min = 0;
        long max = 32767;
        if (params != null) {
            String[] numbers = params.trim().split(" +");
            min = parseUnsigned(numbers[0]);
            if (numbers.length > 1) {
                max = parseUnsigned(numbers[1]);
            }
            if (numbers.length > 2) {
                diagnostics.warning(at, "Too many parameters or extra text for ${_RANDOM}");
            }
        }
        long span = max - min + 1;
        long offset = random.nextInt(Integer.MAX_VALUE);
        long value = min + (span > 0 ? offset % span : offset);
        String text = Long.toString(value);
        int width = Long.toString(max).length();
        return text.length() > width ? text.substring(0, width) : text;
    }

    private static long parseUnsigned(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
