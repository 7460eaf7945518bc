/**
 * The LVS part of keepalived.conf: {@code virtual_server}, {@code virtual_server_group} and the
 * top-level {@code SSL} block, with what a virtual server holds ({@code real_server},
 * {@code sorry_server}) and the checkers of a real server ({@code TCP_CHECK},
 * {@code HTTP_GET}, {@code SSL_GET}, {@code SMTP_CHECK}, {@code DNS_CHECK},
 * {@code MISC_CHECK}, {@code UDP_CHECK}, {@code PING_CHECK}, {@code FILE_CHECK},
 * {@code BFD_CHECK}).
 *
 * <p>Where a keyword is read: {@link org.keepalived4j.config.lvs.VirtualServerParser},
 * {@link org.keepalived4j.config.lvs.RealServerParser},
 * {@link org.keepalived4j.config.lvs.CheckerParsers} (the common checker keywords and the
 * small checkers) with {@link org.keepalived4j.config.lvs.HttpCheckParser},
 * {@link org.keepalived4j.config.lvs.MiscCheckParser} and
 * {@link org.keepalived4j.config.lvs.UdpCheckParser},
 * {@link org.keepalived4j.config.lvs.VirtualServerGroupParser} and
 * {@link org.keepalived4j.config.lvs.SslParser}; they fill drafts
 * ({@code *Draft}) through {@link org.keepalived4j.config.lvs.LvsArgs}, which words problems
 * as keepalived's check parser does.
 *
 * <p>Where it is checked: once the whole file is read,
 * {@link org.keepalived4j.config.lvs.LvsSection} runs
 * {@link org.keepalived4j.config.lvs.LvsValidator} (keepalived's validate_check_config: defaults,
 * inheritance from virtual to real server to checker, group references, {@code track_file}
 * names, script security) and {@link org.keepalived4j.config.lvs.CheckerBuilder} turns the
 * drafts into records.
 *
 * <p>Where it is applied: the resulting {@link org.keepalived4j.config.LvsConfig}, with its
 * {@link org.keepalived4j.config.VirtualServerConfig}s and
 * {@link org.keepalived4j.config.CheckerConfig}s, is applied by {@code check}: the health
 * checkers, and the services and real servers they keep in IPVS.
 */
package org.keepalived4j.config.lvs;
