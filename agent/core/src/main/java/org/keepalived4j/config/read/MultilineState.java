package org.keepalived4j.config.read;

import java.util.ArrayDeque;
import java.util.Deque;
import org.keepalived4j.config.SourceLocation;

/**
 * Where the reader is inside the expansion of multi-line parameters. A multi-line parameter
 * used at the end of a line replaces the reference with its first line; its other lines are
 * read next, one by one, before anything else except ~SEQ/~LST lines started inside them.
 * Expansions nest: an inner one is finished before the outer one resumes.
 */
final class MultilineState {

    private record Saved(String remaining, int seqDepth, SourceLocation origin) {
    }

    private final Deque<Saved> stack = new ArrayDeque<>();
    private String remaining;
    private int seqDepth;
    private SourceLocation origin;

    /** Whether lines of an expansion are waiting. */
    boolean active() {
        return remaining != null;
    }

    /** How many ~SEQ/~LST repeaters existed when the current expansion began; they wait for it. */
    int seqDepth() {
        return seqDepth;
    }

    String remaining() {
        return remaining;
    }

    /** How many outer expansions are waiting for the current one to finish. */
    int depth() {
        return stack.size();
    }

    /** Saves {@code pointer} (the lines still due from an outer expansion) to resume later. */
    void push(String pointer) {
        stack.push(new Saved(pointer, seqDepth, origin));
    }

    void begin(int repeaterCount, SourceLocation at) {
        seqDepth = repeaterCount;
        origin = at;
    }

    /** After a substitution pass: the lines that follow (or the previous value if unchanged). */
    void setRemaining(String value) {
        remaining = value;
    }

    /** Where the expansion being read was started. */
    SourceLocation origin() {
        return origin;
    }

    /** The next line of the expansion; finishing it resumes the enclosing one, if any. */
    String nextLine() {
        int nl = remaining.indexOf('\n');
        if (nl >= 0) {
            String line = remaining.substring(0, nl);
            remaining = remaining.substring(nl + 1);
            return line;
        }
        String line = remaining;
        Saved saved = stack.poll();
        if (saved != null) {
            remaining = saved.remaining();
            seqDepth = saved.seqDepth();
            origin = saved.origin();
        } else {
            remaining = null;
            seqDepth = 0;
        }
        return line;
    }

    /** Abandons every pending expansion (used when a size limit is hit). */
    void clear() {
        stack.clear();
        remaining = null;
        seqDepth = 0;
    }
}
