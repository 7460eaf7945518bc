/**
 * The LVS part of keepalived.conf: {@code virtual_server}, {@code virtual_server_group} and the
 * top-level {@code SSL} block, with what a virtual server holds ({@code real_server},
 * {@code sorry_server}) and the checkers of a real server ({@code TCP_CHECK}, {@code HTTP_GET},
 * {@code SSL_GET}, {@code SMTP_CHECK}, {@code DNS_CHECK}, {@code MISC_CHECK}, {@code UDP_CHECK},
 * {@code PING_CHECK}, {@code FILE_CHECK}, {@code BFD_CHECK}).
 *
 * <p>Where a keyword is read: {@code VirtualServerParser}, {@code RealServerParser},
 * {@code CheckerParsers} (the common checker keywords and the small checkers) with
 * {@code HttpCheckParser}, {@code MiscCheckParser} and {@code UdpCheckParser},
 * {@code VirtualServerGroupParser} and {@code SslParser}; they fill drafts ({@code *Draft})
 * through {@code LvsArgs}, which words problems as keepalived's check parser does.
 *
 * <p>Where it is checked: once the whole file is read,
 * {@link org.keepalived4j.config.lvs.LvsSection} runs {@code LvsValidator} (keepalived's
 * validate_check_config: defaults, inheritance from virtual to real server to checker, group
 * references, {@code track_file} names, script security) and {@code CheckerBuilder} turns the
 * drafts into records.
 *
 * <p>Where it is applied: the resulting {@link org.keepalived4j.config.LvsConfig}, with its
 * {@link org.keepalived4j.config.VirtualServerConfig}s and
 * {@link org.keepalived4j.config.CheckerConfig}s, is applied by {@code check}: the health
 * checkers, and the services and real servers they keep in IPVS.
 */
package org.keepalived4j.config.lvs;
