package org.keepalived4j.config.vrrp;

import java.util.function.BiConsumer;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.global.GlobalDefsParser;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The {@code vrrp_instance} keywords beyond the core VRRP parameters: flags, gratuitous ARP
 * timing, notify scripts, VMAC/ipvlan, unicast switches and process tuning.
 */
final class InstanceOptionKeywords {

    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private InstanceOptionKeywords() {
    }

    static KeywordTable<InstanceDraft> register(KeywordTable<InstanceDraft> t) {
        t.line("dont_track_primary", (d, n, c) -> d.dontTrackPrimary = true)
                .line("track_src_ip", (d, n, c) -> d.trackSrcIp = true)
                .line("promote_secondaries", (d, n, c) -> d.promoteSecondaries = true)
                .line("accept", (d, n, c) -> d.accept = true)
                .line("no_accept", (d, n, c) -> d.accept = false)
                .line("unicast_fault_no_peer", (d, n, c) -> {
                    d.unicastConfigured = true;
                    d.unicastFaultNoPeer = true;
                })
                .line("check_unicast_src", (d, n, c) -> {
                    d.unicastConfigured = true;
                    d.checkUnicastSrc = true;
                })
                .line("old_unicast_checksum", (d, n, c) -> {
                    d.unicastConfigured = true;
                    if (n.arg(0) != null && !"never".equals(n.arg(0))) {
                        c.error(n, d.name, "Unknown old_unicast_chksum mode " + n.arg(0) + " - ignoring");
                    } else {
                        d.oldUnicastChecksum = n.arg(0) == null;
                    }
                })
                .line("unicast_ttl", (d, n, c) -> {
                    Long v = c.args(n).unsignedIn(0, 0, 255, d.name, "TTL '" + n.arg(0)
                            + "' not valid - must be between 0 & 255");
                    if (v != null) {
                        d.unicastTtl = v.intValue();
                    }
                })
                .line("skip_check_adv_addr", (d, n, c) -> {
                    Boolean v = c.args(n).optionalBool(d.name, "invalid skip_check_adv_addr " + n.arg(0) + " specified");
                    if (v != null) {
                        d.skipCheckAdvAddr = true;
                    }
                })
                .line("strict_mode", bool("invalid strict_mode %s specified", (d, v) -> d.strictMode = v))
                .line("lower_prio_no_advert", bool("invalid lower_prio_no_advert %s specified",
                        (d, v) -> d.lowerPrioNoAdvert = v))
                .line("higher_prio_send_advert", bool("invalid higher_prio_send_advert %s specified",
                        (d, v) -> d.higherPrioSendAdvert = v))
                .line("notify_priority_changes", bool("Invalid value '%s' for notify_priority_changes specified",
                        (d, v) -> d.notifyPriorityChanges = v))
                .line("smtp_alert", (d, n, c) -> {
                    Boolean v = Args.parseBool(n.arg(0) == null ? "true" : n.arg(0));
                    if (v == null) {
                        c.error(n, null, "Invalid vrrp_instance smtp_alert parameter " + n.arg(0));
                    } else {
                        d.smtpAlert = v;
                    }
                })
                .line("debug", (d, n, c) -> c.args(n).unsignedIn(0, 0, 4, d.name, "Debug value '" + n.arg(0)
                        + "' not valid; must be between 0-4"))
                .line("kernel_rx_buf_size", (d, n, c) -> {
                    NumberReading.Result size = n.args().size() == 1 ? NumberReading.unsigned(n.arg(0), 0, UINT_MAX)
                            : null;
                    if (size == null || !size.ok()) {
                        c.error(n, d.name, "invalid kernel_rx_buf_size specified");
                    } else {
                        d.kernelRxBufSize = size.value();
                    }
                })
                .line("linkbeat_use_polling", (d, n, c) -> c.warning(n, d.name,
                        "'linkbeat_use_polling' in vrrp instance deprecated - use linkbeat_interfaces block"))
                .line("lvs_sync_daemon_interface", (d, n, c) -> c.warning(n, d.name,
                        "Specifying lvs_sync_daemon_interface against a vrrp is deprecated."
                                + " Please use global lvs_sync_daemon"))
                .line("down_timer_adverts", (d, n, c) -> {
                    Long v = c.args(n).unsignedIn(0, 1, 100, d.name, "Invalid down_timer_adverts [1:100] '" + n.arg(0)
                            + "'");
                    if (v != null) {
                        d.downTimerAdverts = v.intValue();
                    }
                });
        registerGarp(t);
        registerNotify(t);
        return VmacKeywords.register(t);
    }

    private static void registerGarp(KeywordTable<InstanceDraft> t) {
        t.line("garp_master_delay", (d, n, c) -> {
            Long v = c.args(n).unsignedIn(0, 0, UINT_MAX / 1_000_000L, d.name, "garp_master_delay '" + n.arg(0)
                    + "' invalid - ignoring");
            if (v != null) {
                d.garpMasterDelayMicros = v * 1_000_000L;
            }
        }).line("garp_master_refresh", (d, n, c) -> {
            Long v = c.args(n).unsignedIn(0, 0, UINT_MAX, d.name, "Invalid garp_master_refresh '" + n.arg(0)
                    + "' - ignoring");
            d.garpRefreshMicros = v == null ? 0 : v * 1_000_000L;
        }).line("garp_master_repeat", (d, n, c) -> d.garpMasterRepeat = GlobalDefsParser.repeat(n, c, d.name,
                "garp_master_repeat", d.garpMasterRepeat))
                .line("garp_master_refresh_repeat", (d, n, c) -> d.garpRefreshRepeat = GlobalDefsParser.repeat(n, c,
                        d.name, "garp_master_refresh_repeat", d.garpRefreshRepeat))
                .line("garp_lower_prio_delay", (d, n, c) -> {
                    Long v = c.args(n).unsignedIn(0, 0, UINT_MAX / 1_000_000L, d.name, "garp_lower_prio_delay '"
                            + n.arg(0) + "' invalid - ignoring");
                    if (v != null) {
                        d.garpLowerPrioDelayMicros = v * 1_000_000L;
                    }
                }).line("garp_lower_prio_repeat", (d, n, c) -> {
                    Long v = c.args(n).unsignedIn(0, 0, Integer.MAX_VALUE, d.name, "Invalid garp_lower_prio_repeat '"
                            + n.arg(0) + "'");
                    if (v != null) {
                        d.garpLowerPrioRepeat = v.intValue();
                    }
                }).line("garp_extra_if", InstanceOptionKeywords::garpExtraIf)
                .line("vmac_garp_intvl", (d, n, c) -> {
                    c.warning(n, null, "Keyword \"vmac_garp_intvl\" is deprecated - please use \"garp_extra_if\"");
                    garpExtraIf(d, n, c);
                });
    }

    private static void garpExtraIf(InstanceDraft d, ConfigNode n, ParseContext c) {
        Long delay = null;
        boolean all = false;
        for (int i = 0; i < n.args().size(); i++) {
            if ("all".equals(n.arg(i))) {
                all = true;
                continue;
            }
            delay = c.args(n).unsignedIn(i, 0, 86400, d.name, n.keyword() + " '" + n.arg(i) + "' invalid - ignoring");
            if (delay == null) {
                return;
            }
        }
        d.garpExtraIfAll |= all;
        if (delay == null) {
            c.error(n, d.name, n.keyword() + " specified without time - ignoring");
            return;
        }
        d.garpExtraIfMicros = delay * 1_000_000L;
    }

    private static void registerNotify(KeywordTable<InstanceDraft> t) {
        t.line("notify_master", (d, n, c) -> d.notifyMaster = notify(d, n, c, d.notifyMaster, "notify_master script"))
                .line("notify_backup", (d, n, c) -> d.notifyBackup = notify(d, n, c, d.notifyBackup,
                        "notify_backup script"))
                .line("notify_fault", (d, n, c) -> d.notifyFault = notify(d, n, c, d.notifyFault, "notify_fault script"))
                .line("notify_stop", (d, n, c) -> d.notifyStop = notify(d, n, c, d.notifyStop, "notify_stop script"))
                .line("notify", (d, n, c) -> d.notifyAny = notify(d, n, c, d.notifyAny, "notify script"))
                .line("notify_master_rx_lower_pri", (d, n, c) -> d.notifyMasterRxLowerPri = notify(d, n, c,
                        d.notifyMasterRxLowerPri, "notify_master_rx_lower_pri script"))
                .line("notify_deleted", (d, n, c) -> {
                    if (d.notifyDeletedGiven) {
                        c.error(n, d.name, "notify_deleted already specified - ignoring "
                                + (n.arg(0) == null ? "" : n.arg(0)));
                        return;
                    }
                    d.notifyDeletedGiven = true;
                    if (n.arg(0) != null) {
                        d.notifyDeleted = ScriptLines.notifyScript(n, c, d.name);
                    }
                });
    }

    private static NotifyScript notify(InstanceDraft d, ConfigNode n, ParseContext c, NotifyScript previous,
            String what) {
        if (previous != null) {
            c.error(n, d.name, what + " already specified - ignoring " + n.arg(0));
            return previous;
        }
        return ScriptLines.notifyScript(n, c, d.name);
    }

    private static KeywordTable.Handler<InstanceDraft> bool(String failFormat,
            BiConsumer<InstanceDraft, Boolean> setter) {
        return (d, n, c) -> {
            Boolean v = c.args(n).optionalBool(d.name, String.format(failFormat, n.arg(0)));
            if (v != null) {
                setter.accept(d, v);
            }
        };
    }
}
