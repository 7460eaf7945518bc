/**
 * keepalived.conf, read as keepalived 2.2.7 reads it: the lexer and reader (comments, quotes,
 * {@code include} globs, {@code @id} conditional lines, {@code $NAME} macros, {@code ~SEQ}),
 * the keyword tables of each section ({@code *Parser}, {@code *Keywords}) with keepalived's
 * ranges, defaults and diagnostics ({@link org.keepalived4j.config.Diagnostic}, with file and
 * line), the checks keepalived makes once a section is complete ({@code *Completion},
 * {@code *Validator}), and the immutable records the rest of the daemon runs from
 * ({@code *Config}, {@link org.keepalived4j.config.KeepalivedConfig} at the top).
 * Where a keyword is read: the section's {@code *Parser} or {@code *Keywords} class; where it
 * is checked: the same class, then the section's {@code *Completion}/{@code *Validator}; where
 * it is applied: the subsystem that receives its {@code *Config} record (vrrp, check, daemon).
 */
package org.keepalived4j.config;
