package org.keepalived4j.config.read;

import java.util.List;
import org.keepalived4j.config.SourceLocation;

/**
 * One logical configuration line after lexing: its first word, the remaining words, and, if the
 * line opened a block ({@code keyword args... {}), the lines inside it.
 *
 * @param location where the line starts
 * @param keyword the first word
 * @param args the remaining words (quotes removed, escapes resolved, macros expanded); a
 *        trailing {@code {} that opened a block is not among them
 * @param children the block's lines, or {@code null} if the line did not open a block
 * @param end where the block ends (the line of its closing {@code }}, where keepalived runs
 *        its end-of-block checks), or {@link #location} for a line that opened none
 */
public record ConfigNode(SourceLocation location, String keyword, List<String> args, List<ConfigNode> children,
        SourceLocation end) {

    public ConfigNode {
        args = List.copyOf(args);
        children = children == null ? null : List.copyOf(children);
        end = end == null ? location : end;
    }

    /** A line, or a block whose end is not known. */
    public ConfigNode(SourceLocation location, String keyword, List<String> args, List<ConfigNode> children) {
        this(location, keyword, args, children, location);
    }

    /** Whether this line opened a block. */
    public boolean isBlock() {
        return children != null;
    }

    /** The argument at index i, or {@code null} if there are not that many. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** All words of the line, keyword first. */
    public List<String> words() {
        List<String> words = new java.util.ArrayList<>(args.size() + 1);
        words.add(keyword);
        words.addAll(args);
        return words;
    }
}
