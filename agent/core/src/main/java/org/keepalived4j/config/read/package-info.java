/**
 * Reading keepalived.conf into lines, as keepalived 2.2.7 reads it, before any keyword has a
 * meaning: physical lines ({@link org.keepalived4j.config.read.PhysicalLines}), {@code #} and
 * {@code !} comments and quotes ({@link org.keepalived4j.config.read.CommentStripper}),
 * {@code include} and its variants with globs and brace alternatives
 * ({@link org.keepalived4j.config.read.IncludeResolver}, {@link org.keepalived4j.config.read.FileGlob};
 * {@code include_check} is read here too), {@code @id} / {@code @^id} conditional lines,
 * {@code $NAME=VALUE} macros ({@link org.keepalived4j.config.read.MacroExpander}),
 * {@code ~SEQ} / {@code ~LST} ({@link org.keepalived4j.config.read.RepeaterParser}), the split at
 * braces and the block tree ({@link org.keepalived4j.config.read.BlockTreeBuilder}), the word
 * splitters, and keepalived's second reading of its consolidated copy
 * ({@link org.keepalived4j.config.read.ConsolidatedCopy}).
 * {@link org.keepalived4j.config.read.LineProducer} produces the logical lines in keepalived's
 * order of rules.
 *
 * <p>Where it is checked: here, as each line is read; every problem becomes a
 * {@link org.keepalived4j.config.Diagnostic} with file and line, and
 * {@link org.keepalived4j.config.read.ReaderLimits} bounds what a hostile file can cost. Where
 * it goes: {@link org.keepalived4j.config.read.ConfigReader} returns a tree of
 * {@link org.keepalived4j.config.read.ConfigNode}s, which
 * {@link org.keepalived4j.config.KeepalivedConfigParser} hands to the sections' keyword tables.
 * {@link org.keepalived4j.config.read.EscapedWordSplitter} also splits notify and check
 * scripts into words for {@code exec}.
 */
package org.keepalived4j.config.read;
