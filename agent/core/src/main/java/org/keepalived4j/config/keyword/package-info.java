/**
 * What every section's keyword table is made of, and no keyword of its own:
 * {@link org.keepalived4j.config.keyword.KeywordTable} maps a block's keywords, keepalived's
 * spellings verbatim, to the handlers that record them in the section's draft, and reports unknown
 * and deprecated ones as keepalived does; {@link org.keepalived4j.config.keyword.ParseContext}
 * carries the diagnostics, the machine ({@link org.keepalived4j.config.SystemProbe}) and the few
 * facts that change how later lines are read; {@link org.keepalived4j.config.keyword.Args} and
 * {@link org.keepalived4j.config.keyword.NumberReading} read numbers, timers and booleans with
 * keepalived's ranges and wording; {@link org.keepalived4j.config.keyword.IpLiterals} reads
 * address literals and {@link org.keepalived4j.config.keyword.ScriptLines} the script lines
 * ({@code notify_*}, {@code script}) several sections share. Where keepalived gives up on the
 * whole file (a mandatory parameter is missing),
 * {@link org.keepalived4j.config.keyword.ConfigAbortedException} unwinds to
 * {@link org.keepalived4j.config.KeepalivedConfigParser}.
 *
 * <p>These classes are public because the sections ({@code config.global}, {@code config.vrrp},
 * {@code config.lvs}) and the top-level parser that use them live in other packages; nothing
 * outside {@code org.keepalived4j.config} uses them.
 */
package org.keepalived4j.config.keyword;
