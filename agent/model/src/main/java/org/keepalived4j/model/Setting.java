package org.keepalived4j.model;

import java.util.List;
import java.util.Optional;

/**
 * One line of a keepalived4j settings block: a keyword, its arguments and, when the line
 * opens a block, the block's contents.
 *
 * <p>{@link #toString()} never shows the arguments, which may be passwords.
 *
 * @param keyword the first word of the line
 * @param args the remaining words, with quotes removed
 * @param block the nested block the line opens, or {@code null}
 * @param source {@code file:line} of the line, for error messages
 */
public record Setting(String keyword, List<String> args, Settings block, String source) {

    public Setting {
        args = List.copyOf(args);
    }

    /** The first argument, if any. */
    public Optional<String> value() {
        return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    }

    /** The nested block, if the line opened one. */
    public Optional<Settings> nested() {
        return Optional.ofNullable(block);
    }

    @Override
    public String toString() {
        return keyword + " (" + source + ")";
    }
}
