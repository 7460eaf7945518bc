package org.keepalived4j.config.keyword;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The keywords one block understands, keepalived's spellings verbatim, each with the handler
 * that records it in the block's builder. Lines with an unknown keyword are reported and
 * skipped (with the block they open, if any), as keepalived does.
 *
 * @param <B> the builder the block's handlers fill in
 */
public final class KeywordTable<B> {

    /** Records one line of a block into the builder. */
    @FunctionalInterface
    public interface Handler<B> {
        void handle(B builder, ConfigNode node, ParseContext ctx);
    }

    private record Entry<B>(Handler<B> handler, String replacement, boolean block) {
    }

    private final Map<String, Entry<B>> entries = new HashMap<>();

    /** A keyword whose line carries its values as arguments. */
    public KeywordTable<B> line(String keyword, Handler<B> handler) {
        entries.put(keyword, new Entry<>(handler, null, false));
        return this;
    }

    /** A keyword whose line opens a block ({@code keyword ... {}). */
    public KeywordTable<B> block(String keyword, Handler<B> handler) {
        entries.put(keyword, new Entry<>(handler, null, true));
        return this;
    }

    /**
     * A deprecated spelling keepalived still accepts, with its warning
     * ({@code KEYWORD is deprecated - please use 'REPLACEMENT'}).
     */
    public KeywordTable<B> deprecated(String keyword, String replacement, Handler<B> handler) {
        entries.put(keyword, new Entry<>(handler, replacement, false));
        return this;
    }

    /**
     * A keyword keepalived accepts that changes nothing here (process tuning, features of
     * the C implementation); its arguments are not checked beyond their presence.
     */
    public KeywordTable<B> accepted(String... keywords) {
        for (String keyword : keywords) {
            entries.put(keyword, new Entry<>((b, n, c) -> { }, null, false));
        }
        return this;
    }

    public boolean knows(String keyword) {
        return entries.containsKey(keyword);
    }

    /** Feeds every line of a block to its handler. */
    public void apply(B builder, List<ConfigNode> lines, ParseContext ctx) {
        for (ConfigNode line : lines) {
            apply(builder, line, ctx);
        }
    }

    /**
     * Feeds one line to its handler, or reports it as unknown. An unknown keyword that opens a
     * block is read as keepalived reads it: its brace is ignored, so the lines inside are read
     * as lines of this block (each known one applies, each unknown one is reported at its line).
     */
    public void apply(B builder, ConfigNode line, ParseContext ctx) {
        Entry<B> entry = entries.get(line.keyword());
        if (entry == null) {
            ctx.unknownKeyword(line);
            if (line.isBlock()) {
                ctx.diagnostics().unexpectedBrace(line.location());
                apply(builder, line.children(), ctx);
            }
            return;
        }
        if (entry.replacement() != null) {
            ctx.warning(line, line.keyword() + " is deprecated - please use '" + entry.replacement() + "'");
        }
        if (entry.block() && !line.isBlock()) {
            ctx.error(line, line.keyword() + " requires a block { ... }");
            return;
        }
        entry.handler().handle(builder, line, ctx);
    }
}
