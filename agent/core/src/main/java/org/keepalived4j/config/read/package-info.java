/**
 * Reading keepalived.conf into lines, as keepalived 2.2.7 reads it, before any keyword has a
 * meaning: physical lines ({@code PhysicalLines}), {@code #} and {@code !} comments and quotes
 * ({@code CommentStripper}), {@code include} and its variants with globs and brace alternatives
 * ({@code IncludeResolver}, {@code FileGlob}; {@code include_check} is read here too), {@code @id}
 * / {@code @^id} conditional lines, {@code $NAME=VALUE} macros ({@code MacroExpander}),
 * {@code ~SEQ} / {@code ~LST} ({@code RepeaterParser}), the split at braces and the block tree
 * ({@code BlockTreeBuilder}), the word splitters, and keepalived's second reading of its
 * consolidated copy ({@code ConsolidatedCopy}). {@code LineProducer} produces the logical lines in
 * keepalived's order of rules.
 *
 * <p>Where it is checked: here, as each line is read; every problem becomes a
 * {@link org.keepalived4j.config.Diagnostic} with file and line, and {@code ReaderLimits} bounds
 * what a hostile file can cost. Where it goes: {@link org.keepalived4j.config.read.ConfigReader}
 * returns a tree of {@link org.keepalived4j.config.read.ConfigNode}s, which
 * {@link org.keepalived4j.config.KeepalivedConfigParser} hands to the sections' keyword tables.
 * {@link org.keepalived4j.config.read.EscapedWordSplitter} also splits notify and check scripts
 * into words for {@code exec}.
 */
package org.keepalived4j.config.read;
