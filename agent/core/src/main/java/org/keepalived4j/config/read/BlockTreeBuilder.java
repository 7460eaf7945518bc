package org.keepalived4j.config.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

/**
 * Builds the block tree from logical lines. Since keepalived splits lines at every unquoted
 * brace, {@code {} and {@code }} always arrive as lines of their own, and:
 *
 * <ul>
 *   <li>a {@code {} right after an ordinary line opens a block belonging to that line, whether
 *       the brace was on the same line or the next one;</li>
 *   <li>any other {@code {} is "Unexpected '{' - ignoring" (the block's lines then belong to the
 *       enclosing block, and its {@code }} closes the enclosing block, as in keepalived);</li>
 *   <li>a {@code }} closes the innermost block; one too many is "Extra '}' found" (or, after an
 *       ignored {@code {}, "Unknown keyword '}'", as keepalived says);</li>
 *   <li>blocks still open at the end are closed with "There are N missing '}'s or extra '{'s".</li>
 * </ul>
 *
 * A line whose only word is a quoted brace ({@code "{"}) counts as a brace too, as in keepalived.
 */
final class BlockTreeBuilder {

    private static final class Block {
        final SourceLocation location;
        final String keyword;
        final List<String> args;
        final List<ConfigNode> children = new ArrayList<>();

        Block(SourceLocation location, String keyword, List<String> args) {
            this.location = location;
            this.keyword = keyword;
            this.args = args;
        }

        ConfigNode toNode(SourceLocation end) {
            return new ConfigNode(location, keyword, args, children, end);
        }
    }

    private final LineProducer lines;
    private final Diagnostics diagnostics;
    private final int maxDepth;
    private final List<ConfigNode> top = new ArrayList<>();
    private final Deque<Block> open = new ArrayDeque<>();
    private final Deque<SourceLocation> openBraces = new ArrayDeque<>();
    private Block pending;
    private int ignoredDepth;

    BlockTreeBuilder(LineProducer lines, Diagnostics diagnostics, int maxDepth) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.maxDepth = maxDepth;
    }

    List<ConfigNode> build() {
        for (LineProducer.LogicalLine line = lines.next(); line != null; line = lines.next()) {
            accept(line);
        }
        flushPending();
        if (!openBraces.isEmpty()) {
            diagnostics.error(openBraces.peekLast(), "There are " + openBraces.size() + " missing '}'s or extra '{'s");
        }
        while (!open.isEmpty()) {
            close(null);
        }
        return List.copyOf(top);
    }

    private void accept(LineProducer.LogicalLine line) {
        WordSplitter.Words split = WordSplitter.split(line.text());
        if (split.unmatchedQuote()) {
            diagnostics.error(line.location(), "Unmatched quote");
        }
        List<String> words = split.words();
        if (line.text().equals("{")) {
            openBraces.push(line.location());
        } else if (line.text().equals("}") && openBraces.poll() == null) {
            diagnostics.error(line.location(), "Extra '}' found");
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        if (words.size() == 1 && words.get(0).equals("{")) {
            openBlock(line.location());
        } else if (words.size() == 1 && words.get(0).equals("}")) {
            flushPending();
            closeBlock(line.location());
        } else {
            flushPending();
            List<String> unicode = new ArrayList<>(words.size());
            for (String word : words) {
                unicode.add(ConfigText.toUnicode(word));
            }
            pending = new Block(line.location(), unicode.get(0), unicode.subList(1, unicode.size()));
            if (pending.keyword.equals("include_check") && open.size() == 1
                    && open.peek().keyword.equals("global_defs")) {
                lines.applyIncludeCheck(pending.args, line.location());
            }
        }
    }

    private void openBlock(SourceLocation at) {
        if (ignoredDepth > 0) {
            flushPending();
            ignoredDepth++;
            return;
        }
        if (pending == null) {
            diagnostics.unexpectedBrace(at);
            return;
        }
        if (open.size() >= maxDepth) {
            diagnostics.error(at, "Blocks nested more than " + maxDepth + " deep - ignoring the braces inside");
            flushPending();
            ignoredDepth++;
            return;
        }
        open.push(pending);
        pending = null;
    }

    private void closeBlock(SourceLocation at) {
        if (ignoredDepth > 0) {
            ignoredDepth--;
        } else if (!open.isEmpty()) {
            close(at);
        } else {
            // Only after an ignored '{' (or for a quoted "}"): keepalived then looks the brace up
            // as a keyword.
            diagnostics.add(new Diagnostic(Severity.ERROR, at, null, "Unknown keyword '}'",
                    Diagnostic.Kind.UNKNOWN_KEYWORD));
        }
    }

    private void flushPending() {
        if (pending != null) {
            add(new ConfigNode(pending.location, pending.keyword, pending.args, null));
            pending = null;
        }
    }

    private void close(SourceLocation at) {
        add(open.pop().toNode(at));
    }

    private void add(ConfigNode node) {
        if (open.isEmpty()) {
            top.add(node);
        } else {
            open.peek().children.add(node);
        }
    }
}
