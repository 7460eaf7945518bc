/**
 * keepalived.conf, read as keepalived 2.2.7 reads it, and the immutable records the rest of the
 * daemon runs from. This package holds the entry points and those records; reading and each
 * section's keywords are in subpackages.
 *
 * <p>The entry points: {@link org.keepalived4j.config.read.ConfigReader} reads the files into a
 * tree of lines, and {@link org.keepalived4j.config.KeepalivedConfigParser} hands each top-level
 * block to its section ({@code TopLevel} is the table of top-level keywords, {@code ConfigBuilder}
 * collects the sections and runs their checks once the file is read) and returns a
 * {@link org.keepalived4j.config.ConfigResult}: the
 * {@link org.keepalived4j.config.KeepalivedConfig} and every
 * {@link org.keepalived4j.config.Diagnostic}, with file and line, in keepalived's wording.
 * {@link org.keepalived4j.config.SystemProbe} is what the checks ask about the machine;
 * keepalived4j's own {@code keepalived4j_<name>} blocks become settings for the exporter of that
 * name ({@code ExtensionBlocks}). {@link org.keepalived4j.config.ConfigDumper} prints a
 * configuration for {@code -t -D}, {@link org.keepalived4j.config.ConfigEquality} tells a reload
 * what really changed, {@link org.keepalived4j.config.TrackResolution} resolves a {@code track_*}
 * block's weights for the engine and the read model.
 *
 * <p>The subpackages, and the records each produces here:
 * <ul>
 *   <li>{@code config.read}: the lexer and reader (comments, quotes, {@code include} globs,
 *       {@code @id} conditional lines, {@code $NAME} macros, {@code ~SEQ}, the block tree); no
 *       keyword has a meaning there;</li>
 *   <li>{@code config.keyword}: what every section's keyword table is made of (the table, the
 *       parse context, keepalived's number, timer and boolean readings);</li>
 *   <li>{@code config.global}: {@code global_defs} and the top-level daemon keywords, giving
 *       {@link org.keepalived4j.config.GlobalConfig} ({@code SmtpConfig},
 *       {@code SnmpGlobalConfig}, {@code SchedulingConfig}, {@code GarpConfig},
 *       {@code NotifyFifoConfig}...);</li>
 *   <li>{@code config.vrrp}: {@code vrrp_instance}, {@code vrrp_sync_group},
 *       {@code vrrp_script}, {@code track_file}, {@code vrrp_track_process},
 *       {@code bfd_instance}, {@code garp_group} and the {@code static_*} blocks, giving
 *       {@link org.keepalived4j.config.VrrpInstanceConfig} (with {@code VipConfig},
 *       {@code RouteConfig}, {@code RuleConfig}, {@code TrackingConfig}, {@code NotifyConfig},
 *       {@code VrrpTransportConfig}...), {@link org.keepalived4j.config.SyncGroupConfig},
 *       {@code VrrpScriptConfig}, {@code TrackFileConfig}, {@code TrackProcessConfig},
 *       {@code BfdInstanceConfig}, {@code GarpGroupConfig} and {@code StaticConfig};</li>
 *   <li>{@code config.lvs}: {@code virtual_server}, {@code virtual_server_group},
 *       {@code real_server}, every checker and {@code SSL}, giving
 *       {@link org.keepalived4j.config.LvsConfig} ({@code VirtualServerConfig},
 *       {@code RealServerConfig}, {@code CheckerConfig} and its records,
 *       {@code SslConfig}...).</li>
 * </ul>
 *
 * <p>Where a keyword is read: in its section's package, in the {@code *Parser} or
 * {@code *Keywords} class. Where it is checked: in the same class as the line is read, then by
 * the section's completion once the file is read ({@code VrrpValidator} with the
 * {@code *Completion} classes, {@code LvsValidator}). Where it is applied: by the subsystem that
 * receives its {@code *Config} record (the VRRP engine in {@code vrrp}, the checkers in
 * {@code check}, the daemon); each section's package-info says which.
 */
package org.keepalived4j.config;
