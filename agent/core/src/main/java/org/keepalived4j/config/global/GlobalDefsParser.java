package org.keepalived4j.config.global;

import java.net.InetAddress;
import java.util.function.BiConsumer;
import org.keepalived4j.config.LvsFlushOnStop;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The {@code global_defs} block: mail, router id, VRRP defaults, SNMP, scripts and FIFOs. The
 * keywords that tune keepalived's C processes are in {@link ProcessTuningKeywords}, the
 * top-level daemon keywords in {@link DaemonKeywords}.
 */
public final class GlobalDefsParser {

    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final long SECONDS_MAX = UINT_MAX / 1_000_000L;

    public static final KeywordTable<GlobalDraft> TABLE = ProcessTuningKeywords.register(new KeywordTable<GlobalDraft>()
            .line("router_id", (d, n, c) -> {
                if (requireOrError(n, c, "routerid name missing - ignoring")) {
                    d.routerId = n.arg(0);
                }
            })
            .line("notification_email_from", (d, n, c) -> {
                if (requireOrError(n, c, "emailfrom missing - ignoring")) {
                    d.emailFrom = n.arg(0);
                }
            })
            .line("smtp_server", GlobalDefsParser::smtpServer)
            .line("smtp_helo_name", (d, n, c) -> d.smtpHelo = n.arg(0) != null ? n.arg(0) : d.smtpHelo)
            .line("smtp_connect_timeout", GlobalDefsParser::smtpConnectTimeout)
            .block("notification_email", GlobalDefsParser::notificationEmail)
            .line("smtp_alert", bool("Invalid value '%s' for global smtp_alert specified", (d, v) -> d.smtpAlert = v))
            .line("smtp_alert_vrrp", bool("Invalid value '%s' for global smtp_alert_vrrp specified",
                    (d, v) -> d.smtpAlertVrrp = v))
            .line("smtp_alert_checker", bool("Invalid value '%s' for global smtp_alert_checker specified",
                    (d, v) -> d.smtpAlertChecker = v))
            .line("checker_log_all_failures", bool("Invalid value for checker_log_all_failures specified",
                    (d, v) -> d.checkerLogAllFailures = v))
            .line("no_email_faults", (d, n, c) -> d.noEmailFaults = true)
            .line("no_checker_emails", bool("Invalid value '%s' for global no_checker_emails specified",
                    (d, v) -> d.noCheckerEmails = v))
            .line("rs_init_notifies", bool("Invalid value '%s' for global rs_init_notifies specified",
                    (d, v) -> d.rsInitNotifies = v))
            .line("dynamic_interfaces", (d, n, c) -> {
                d.dynamicInterfaces = true;
                c.dynamicInterfaces(true);
                if (n.arg(0) != null && !"allow_if_changes".equals(n.arg(0))) {
                    c.error(n, "Unknown dynamic_interfaces option '" + n.arg(0) + "'");
                }
            })
            .line("default_interface", (d, n, c) -> {
                if (requireOrError(n, c, "default_interface requires interface name")) {
                    d.defaultInterface = n.arg(0);
                }
            })
            .line("vrrp_mcast_group4", (d, n, c) -> d.mcastGroup4 = mcastGroup(n, c, false, d.mcastGroup4))
            .line("vrrp_mcast_group6", (d, n, c) -> d.mcastGroup6 = mcastGroup(n, c, true, d.mcastGroup6))
            .line("vrrp_version", (d, n, c) -> {
                Long v = c.args(n).signedIn(0, 2, 3, null, "VRRP Error: Version must be either 2 or 3");
                if (v != null) {
                    d.vrrpVersion = v.intValue();
                }
            })
            .line("vrrp_check_unicast_src", (d, n, c) -> d.checkUnicastSrc = true)
            .line("vrrp_skip_check_adv_addr", (d, n, c) -> d.skipCheckAdvAddr = true)
            .line("vrrp_strict", (d, n, c) -> d.strict = true)
            .line("vrrp_notify_priority_changes", bool("Invalid value '%s' for global vrrp_notify_priority_changes"
                    + " specified", (d, v) -> d.notifyPriorityChanges = v))
            .line("vrrp_startup_delay", (d, n, c) -> {
                Long v = c.args(n).timerIn(0, 1000, UINT_MAX, null, "vrrp_startup_delay '" + n.arg(0) + "' is invalid");
                if (v != null) {
                    d.startupDelayMicros = v;
                    if (v >= 60_000_000L) {
                        c.info(n, null, "The vrrp_startup_delay is very large - " + n.arg(0) + " seconds");
                    }
                }
            })
            .line("snmp_socket", GlobalDefsParser::snmpSocket)
            .line("enable_traps", (d, n, c) -> d.snmpTraps = true)
            .line("enable_snmp_vrrp", (d, n, c) -> d.snmpVrrp = true)
            .line("enable_snmp_keepalived", (d, n, c) -> d.snmpVrrp = true)
            .line("enable_snmp_rfc", (d, n, c) -> d.snmpRfc = true)
            .line("enable_snmp_rfcv2", (d, n, c) -> d.snmpRfcV2 = true)
            .line("enable_snmp_rfcv3", (d, n, c) -> d.snmpRfcV3 = true)
            .line("enable_snmp_checker", (d, n, c) -> d.snmpChecker = true)
            .line("script_user", GlobalDefsParser::scriptUser)
            .line("enable_script_security", (d, n, c) -> d.scriptSecurity = true)
            .line("startup_script", (d, n, c) -> d.startupScript = startupScript(d, n, c, d.startupScript, "startup"))
            .line("shutdown_script", (d, n, c) -> d.shutdownScript = startupScript(d, n, c, d.shutdownScript,
                    "shutdown"))
            .line("notify_fifo", (d, n, c) -> d.notifyFifo = NotifyFifos.fifo(n, c, "", d.notifyFifo))
            .line("notify_fifo_script", (d, n, c) -> d.notifyFifo = NotifyFifos.script(n, c, "", d.notifyFifo))
            .line("vrrp_notify_fifo", (d, n, c) -> d.vrrpNotifyFifo = NotifyFifos.fifo(n, c, "vrrp_", d.vrrpNotifyFifo))
            .line("vrrp_notify_fifo_script",
                    (d, n, c) -> d.vrrpNotifyFifo = NotifyFifos.script(n, c, "vrrp_", d.vrrpNotifyFifo))
            .line("lvs_notify_fifo", (d, n, c) -> d.lvsNotifyFifo = NotifyFifos.fifo(n, c, "lvs_", d.lvsNotifyFifo))
            .line("lvs_notify_fifo_script",
                    (d, n, c) -> d.lvsNotifyFifo = NotifyFifos.script(n, c, "lvs_", d.lvsNotifyFifo))
            .line("lvs_flush", (d, n, c) -> d.lvsFlush = true)
            .line("lvs_flush_on_stop", GlobalDefsParser::lvsFlushOnStop)
            .line("lvs_flush_onstop", GlobalDefsParser::lvsFlushOnStop)
            .line("vrrp_garp_master_delay", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, SECONDS_MAX, null, "vrrp_garp_master_delay '" + n.arg(0)
                        + "' invalid - ignoring");
                if (v != null) {
                    d.garpMasterDelayMicros = v * 1_000_000L;
                }
            })
            .line("vrrp_garp_master_repeat", (d, n, c) -> d.garpMasterRepeat = repeat(n, c, null,
                    "vrrp_garp_master_repeat", d.garpMasterRepeat))
            .line("vrrp_garp_master_refresh", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, UINT_MAX, null, "Invalid vrrp_garp_master_refresh '" + n.arg(0)
                        + "' - ignoring");
                if (v != null) {
                    d.garpRefreshMicros = v * 1_000_000L;
                }
            })
            .line("vrrp_garp_master_refresh_repeat", (d, n, c) -> d.garpRefreshRepeat = repeat(n, c, null,
                    "vrrp_garp_master_refresh_repeat", d.garpRefreshRepeat))
            .line("vrrp_garp_lower_prio_delay", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, SECONDS_MAX, null, "vrrp_garp_lower_prio_delay '" + n.arg(0)
                        + "' invalid - ignoring");
                if (v != null) {
                    d.garpLowerPrioDelayMicros = v * 1_000_000L;
                }
            })
            .line("vrrp_garp_lower_prio_repeat", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, Integer.MAX_VALUE, null, "Invalid vrrp_garp_lower_prio_repeat '"
                        + n.arg(0) + "'");
                if (v != null) {
                    d.garpLowerPrioRepeat = v.intValue();
                }
            })
            .line("vrrp_down_timer_adverts", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 1, 100, null, "Invalid vrrp_down_timer_adverts [1:100] '" + n.arg(0)
                        + "'");
                if (v != null) {
                    d.downTimerAdverts = v.intValue();
                }
            })
            .line("vrrp_garp_interval", (d, n, c) -> d.garpIntervalMicros = interval(n, c, d.garpIntervalMicros))
            .line("vrrp_gna_interval", (d, n, c) -> d.gnaIntervalMicros = interval(n, c, d.gnaIntervalMicros))
            .line("vrrp_min_garp", (d, n, c) -> {
                Boolean v = c.args(n).optionalBool(null, "Invalid value for vrrp_min_garp specified");
                if (Boolean.TRUE.equals(v)) {
                    d.minGarp = true;
                }
            })
            .line("vrrp_garp_extra_if", GlobalDefsParser::garpExtraIf)
            .line("vrrp_vmac_garp_intvl", (d, n, c) -> {
                c.warning(n, null, "Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"");
                garpExtraIf(d, n, c);
            })
            .line("vrrp_lower_prio_no_advert", bool("Invalid value for vrrp_lower_prio_no_advert specified",
                    (d, v) -> d.lowerPrioNoAdvert = v))
            .line("vrrp_higher_prio_send_advert", bool("Invalid value for vrrp_higher_prio_send_advert specified",
                    (d, v) -> d.higherPrioSendAdvert = v))
            .line("vrrp_iptables", (d, n, c) -> {
                c.warning(n, null, "iptables not supported, using nftables instead."
                        + " Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option");
                // as keepalived: the conversion is an nftables setting, so a later "nftables" is a second one
                if (d.nftablesTable == null) {
                    d.nftablesTable = "keepalived";
                }
            })
            .line("nftables", (d, n, c) -> {
                if (d.nftablesTable != null) {
                    c.error(n, null, "nftables already specified - ignoring");
                } else {
                    d.nftablesTable = n.arg(0) != null ? n.arg(0) : "keepalived";
                }
            }));

    private GlobalDefsParser() {
    }

    private static boolean requireOrError(ConfigNode n, ParseContext c, String message) {
        if (n.args().isEmpty()) {
            c.error(n, null, message);
            return false;
        }
        return true;
    }

    static KeywordTable.Handler<GlobalDraft> bool(String failFormat, BiConsumer<GlobalDraft, Boolean> setter) {
        return (d, n, c) -> {
            Boolean v = c.args(n).optionalBool(null, String.format(failFormat, n.arg(0)));
            if (v != null) {
                setter.accept(d, v);
            }
        };
    }

    private static void smtpServer(GlobalDraft d, ConfigNode n, ParseContext c) {
        String host = c.param(n, 0);
        String portText = n.arg(1) != null ? n.arg(1) : "25";
        NumberReading.Result port = NumberReading.unsigned(portText, 1, 65535);
        boolean hostOk = IpLiterals.parse(host) != null || host.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
        if (!hostOk || !port.ok()) {
            c.error(n, null, "Invalid smtp server " + host + " " + portText);
            return;
        }
        d.smtpServer = host;
        d.smtpPort = (int) port.value();
    }

    private static void smtpConnectTimeout(GlobalDraft d, ConfigNode n, ParseContext c) {
        Long v = c.args(n).unsignedIn(0, 0, SECONDS_MAX, null, "smtp_connect_timeout '" + n.arg(0)
                + "' must be in [0, " + SECONDS_MAX + "] - ignoring");
        if (v == null) {
            return;
        }
        if (v == 0) {
            c.warning(n, null, "smtp_conect_timeout must be greater than 0, setting to 1");
            v = 1L;
        }
        d.smtpConnectTimeoutMicros = v * 1_000_000L;
    }

    private static void notificationEmail(GlobalDraft d, ConfigNode n, ParseContext c) {
        if (n.children().isEmpty()) {
            c.warningAtEnd(n, null, "empty notification_email block");
            return;
        }
        for (ConfigNode line : n.children()) {
            d.emails.addAll(line.words());
        }
    }

    private static InetAddress mcastGroup(ConfigNode n, ParseContext c, boolean v6, InetAddress previous) {
        String text = c.param(n, 0);
        String keyword = n.keyword();
        InetAddress address = IpLiterals.parse(text);
        if (address == null) {
            c.error(n, null, "Can't parse " + keyword + " [" + text + "]. Skipping");
            return previous;
        }
        if ((address instanceof java.net.Inet6Address) != v6) {
            c.error(n, null, keyword + " [" + text + "] is not " + (v6 ? "IPv6" : "IPv4") + ". Skipping");
            return previous;
        }
        if (!address.isMulticastAddress()) {
            c.error(n, null, keyword + " [" + text + "] is not multicast. Skipping");
            return previous;
        }
        if (v6 && !address.isMCLinkLocal()) {
            c.warning(n, null, keyword + " [" + text + "] should be link-local multicast.");
        }
        return address;
    }

    /** A repeat count where 0 is accepted but raised to 1 with a complaint (keepalived before 2.0.7 allowed 0). */
    public static Integer repeat(ConfigNode n, ParseContext c, String subject, String keyword, Integer previous) {
        String prefix = subject == null ? "" : "";
        Long v = c.args(n).unsignedIn(0, 0, UINT_MAX, subject, prefix + keyword + " '" + n.arg(0)
                + "' invalid - ignoring");
        if (v == null) {
            return previous;
        }
        if (v == 0) {
            c.warning(n, subject, keyword + " must be greater than 0, setting to 1");
            return 1;
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private static long interval(ConfigNode n, ParseContext c, long previous) {
        Long v = c.args(n).timerIn(0, 1, UINT_MAX, null, n.keyword() + " '" + n.arg(0) + "' is invalid");
        if (v == null) {
            return previous;
        }
        if (v >= 1_000_000L) {
            c.info(n, null, "The " + n.keyword() + " is very large - " + n.arg(0) + " seconds");
        }
        return v;
    }

    private static void garpExtraIf(GlobalDraft d, ConfigNode n, ParseContext c) {
        Long delay = null;
        boolean all = false;
        for (int i = 0; i < n.args().size(); i++) {
            if ("all".equals(n.arg(i))) {
                all = true;
                continue;
            }
            delay = c.args(n).unsignedIn(i, 1, 86400, null, n.keyword() + " '" + n.arg(i) + "' invalid - ignoring");
            if (delay == null) {
                return;
            }
        }
        if (all) {
            d.garpExtraIfAll = true;
        }
        if (delay == null) {
            c.error(n, null, n.keyword() + " specified without time - ignoring");
            return;
        }
        d.garpExtraIfMicros = delay * 1_000_000L;
    }

    private static void snmpSocket(GlobalDraft d, ConfigNode n, ParseContext c) {
        if (n.args().size() > 1) {
            c.error(n, null, "Too many parameters specified for snmp_socket - ignoring");
        } else if (n.args().isEmpty()) {
            c.error(n, null, "SNMP error : snmp socket name missing");
        } else if (n.arg(0).length() > 4095) {
            c.error(n, null, "SNMP error : snmp socket name too long - ignored");
        } else if (d.snmpSocket != null) {
            c.error(n, null, "SNMP socket already set to " + d.snmpSocket + " - ignoring");
        } else {
            d.snmpSocket = n.arg(0);
        }
    }

    private static void scriptUser(GlobalDraft d, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, null, "No script username specified");
            return;
        }
        d.scriptUser = n.arg(0);
        d.scriptGroup = n.arg(1);
        boolean ok = c.probe().userExists(n.arg(0)) && (n.arg(1) == null || c.probe().groupExists(n.arg(1)));
        d.scriptUserFailed = !ok;
        if (!ok) {
            c.error(n, null, "Error setting global script uid/gid");
        }
    }

    private static NotifyScript startupScript(GlobalDraft d, ConfigNode n, ParseContext c, NotifyScript previous,
            String type) {
        if (previous != null) {
            c.error(n, null, type + " script already specified");
            return previous;
        }
        if (n.args().isEmpty()) {
            c.error(n, null, type + " script missing");
            return null;
        }
        // a script naming no user of its own runs as script_user, which must have been usable
        NotifyScript script = n.arg(1) == null && d.scriptUserFailed ? null : ScriptLines.notifyScript(n, c, null);
        if (script == null) {
            c.error(n, null, "Invalid " + type + " script");
        }
        return script;
    }

    private static void lvsFlushOnStop(GlobalDraft d, ConfigNode n, ParseContext c) {
        if (n.arg(0) != null && !"VS".equals(n.arg(0))) {
            c.error(n, null, "Unknown lvs_flush_on_stop type " + n.arg(0));
            return;
        }
        d.lvsFlushOnStop = n.arg(0) == null ? LvsFlushOnStop.FULL : LvsFlushOnStop.VS;
    }
}
