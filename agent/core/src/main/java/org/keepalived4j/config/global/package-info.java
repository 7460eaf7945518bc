/**
 * {@code global_defs} and the daemon keywords that may stand outside it.
 *
 * <p>Where a keyword is read: {@link org.keepalived4j.config.global.GlobalDefsParser} has the
 * table of {@code global_defs} (router id, mail and {@code smtp_*}, the {@code vrrp_*} and
 * {@code vrrp_garp_*} defaults, {@code dynamic_interfaces}, SNMP, {@code script_user} and
 * {@code enable_script_security}, {@code startup_script}/{@code shutdown_script},
 * {@code lvs_flush}...), {@code NotifyFifos} the {@code *notify_fifo*} lines,
 * {@code ProcessTuningKeywords} the keywords that tune keepalived's processes (scheduling, receive
 * buffers, and those accepted without effect here), and
 * {@link org.keepalived4j.config.global.DaemonKeywords} the top-level {@code net_namespace},
 * {@code instance}, {@code linkbeat_use_polling} and the like. They all fill one
 * {@link org.keepalived4j.config.global.GlobalDraft}.
 *
 * <p>Where it is checked: in those handlers, line by line, with keepalived's ranges and messages;
 * {@link org.keepalived4j.config.global.GlobalDraft#toConfig} then fills in keepalived's defaults
 * (the host name as router id and mail sender, the VRRP multicast groups...). The VRRP section
 * reads its instance defaults from the draft while it completes instances, and its script check
 * may drop a notify FIFO's script ({@code config.vrrp}).
 *
 * <p>Where it is applied: the resulting {@link org.keepalived4j.config.GlobalConfig} is read by
 * the daemon (router id, the scripts' user and group), the VRRP engine (its scheduling, the
 * multicast groups, gratuitous ARP and NA intervals), the checkers and IPVS ({@code lvs_flush},
 * {@code checker_log_all_failures}...) and the read model ({@code state}), which shows it to the
 * exporters.
 */
package org.keepalived4j.config.global;
