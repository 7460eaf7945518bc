package org.keepalived4j.config.global;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.keepalived4j.config.RxBufferConfig;
import org.keepalived4j.config.SchedulingConfig;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * global_defs keywords that tune keepalived's C processes (names, scheduling, CPU affinity,
 * netlink buffers, firewall tables, reload helpers...). keepalived4j has no use for most of
 * their values, but reads them with keepalived's ranges so that {@code -t} verdicts agree. The
 * VRRP receive buffer policy ({@code vrrp_rx_bufs_policy}, {@code vrrp_rx_bufs_multiplier})
 * and the VRRP process's scheduling ({@code vrrp_rt_priority}, {@code vrrp_rlimit_rttime},
 * {@code vrrp_priority}, {@code vrrp_cpu_affinity}, {@code vrrp_no_swap}, {@code max_auto_priority},
 * {@code min_auto_priority_delay}) are applied.
 */
final class ProcessTuningKeywords {

    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final int TASK_COMM_LEN = 16;
    private static final int MAX_RT_PRIORITY = SchedulingConfig.MAX_REALTIME_PRIORITY;

    private ProcessTuningKeywords() {
    }

    static KeywordTable<GlobalDraft> register(KeywordTable<GlobalDraft> t) {
        t.line("process_names", (d, n, c) -> { });
        for (String k : new String[] {"process_name", "vrrp_process_name", "checker_process_name", "bfd_process_name"}) {
            t.line(k, ProcessTuningKeywords::processName);
        }
        t.line("lvs_process_name", (d, n, c) -> {
            c.info(n, null, "'lvs_process_name' is deprecated - please use 'checker_process_name'");
            processName(d, n, c);
        });
        for (String p : new String[] {"vrrp", "checker", "bfd"}) {
            // the VRRP process's settings apply to the VRRP thread; the others are checked only
            boolean vrrp = "vrrp".equals(p);
            t.line(p + "_priority", keep(vrrp, (n, c) -> priority(n, c, p), (d, v) -> d.vrrpNice = v.intValue()));
            t.line(p + "_no_swap", (d, n, c) -> d.vrrpNoSwap |= vrrp);
            t.line(p + "_rt_priority", keep(vrrp, (n, c) -> realtimePriority(n, c, p),
                    (d, v) -> d.vrrpRealtimePriority = v.intValue()));
            t.line(p + "_cpu_affinity", keep(vrrp, (n, c) -> cpuAffinity(n, c, p), (d, v) -> d.vrrpCpus = v));
            KeywordTable.Handler<GlobalDraft> limit = keep(vrrp, (n, c) -> rtLimit(n, c, p),
                    (d, v) -> d.vrrpRealtimeLimitMicros = v);
            t.line(p + "_rlimit_rttime", limit);
            t.line(p + "_rlimit_rtime", (d, n, c) -> {
                c.info(n, null, "Keyword '" + n.keyword() + "' is deprecated - please use '" + p + "_rlimit_rttime'");
                limit.handle(d, n, c);
            });
        }
        t.line("max_auto_priority", (d, n, c) -> {
            if (n.arg(0) == null) {
                // keepalived: without a value, the highest SCHED_RR priority
                d.maxAutoPriority = MAX_RT_PRIORITY;
                return;
            }
            Long v = c.args(n).signedIn(0, -1, MAX_RT_PRIORITY, null, "max_auto_priority '" + n.arg(0)
                    + "' must be in [0, " + MAX_RT_PRIORITY + "] (or -1 to disable) - ignoring");
            if (v != null) {
                // -1: off, as 0 (keepalived also drops a start-up warning it gives; keepalived4j has none)
                d.maxAutoPriority = (int) Math.max(0, v);
            }
        });
        t.line("min_auto_priority_delay", (d, n, c) -> {
            if (n.arg(0) == null) {
                c.error(n, null, "min_auto_priority_delay requires delay time");
            } else {
                Long v = c.args(n).signedIn(0, 1, 10_000_000, null, "min_auto_priority_delay '" + n.arg(0)
                        + "' must be in [1, 10000000] - ignoring");
                if (v != null) {
                    d.minAutoDelayMicros = v;
                }
            }
        });
        t.line("startup_script_timeout", (d, n, c) -> scriptTimeout(n, c, "startup"));
        t.line("shutdown_script_timeout", (d, n, c) -> scriptTimeout(n, c, "shutdown"));
        for (String k : new String[] {"vrrp_netlink_cmd", "vrrp_netlink_monitor", "process_monitor", "lvs_netlink_cmd",
            "lvs_netlink_monitor"}) {
            t.line(k + "_rcv_bufs", (d, n, c) -> {
                if (n.arg(0) == null) {
                    c.error(n, null, k + "_rcv_bufs size missing");
                } else {
                    c.args(n).unsignedIn(0, 0, UINT_MAX, null, k + "_rcv_bufs size (" + n.arg(0) + ") invalid");
                }
            });
            t.line(k + "_rcv_bufs_force", GlobalDefsParser.bool("Invalid value '%s' for global " + k
                    + "_rcv_bufs_force specified", (d, v) -> { }));
        }
        t.line("vrrp_rx_bufs_policy", ProcessTuningKeywords::rxBufsPolicy);
        t.line("vrrp_rx_bufs_multiplier", (d, n, c) -> {
            if (n.arg(0) == null) {
                c.error(n, null, "Invalid vrrp_rx_bufs_multiplier");
            } else {
                Long v = c.args(n).unsignedIn(0, 1, UINT_MAX, null, "Invalid vrrp_rx_bufs_multiplier " + n.arg(0));
                if (v != null) {
                    d.rxBufsMultiplier = v;
                }
            }
        });
        t.line("random_seed", (d, n, c) -> c.args(n).unsignedIn(0, 0, UINT_MAX, null, "random_seed " + n.arg(0)
                + " invalid"));
        t.line("umask", ProcessTuningKeywords::umask);
        t.line("nftables_priority", (d, n, c) -> c.args(n).signedIn(0, Integer.MIN_VALUE, Integer.MAX_VALUE, null,
                "invalid nftables chain priority '" + n.arg(0) + "'"));
        t.line("nftables_ipvs_priority", (d, n, c) -> c.args(n).signedIn(0, Integer.MIN_VALUE, Integer.MAX_VALUE, null,
                "invalid ipvs nftables chain priority '" + n.arg(0) + "'"));
        t.line("nftables_ipvs_start_fwmark", (d, n, c) -> c.args(n).unsignedIn(0, 1, UINT_MAX, null,
                "invalid ipvs nftables start_fwmark priority '" + n.arg(0) + "'"));
        t.line("dbus_service_name", (d, n, c) -> {
            if (n.arg(0) == null) {
                c.error(n, null, "dbus_service_name missing - ignoring");
            }
        });
        for (String k : new String[] {"vmac_prefix", "vmac_addr_prefix"}) {
            t.line(k, (d, n, c) -> c.param(n, 0));
        }
        t.line("tmp_config_directory", (d, n, c) -> missingName(n, c));
        t.line("config_save_dir", (d, n, c) -> missingName(n, c));
        t.line("data_use_instance", GlobalDefsParser.bool("Invalid value '%s' for global date_use_instance specified",
                (d, v) -> { }));
        return t.accepted("nftables_ipvs", "nftables_ifindex", "nftables_counters", "disable_local_igmp",
                "fifo_write_vrrp_states_on_reload", "enable_dbus", "log_unknown_vrids", "reload_check_config",
                "reload_time_file", "reload_repeat", "reload_file", "include_check", "lvs_timeouts")
                .line("lvs_sync_daemon", ProcessTuningKeywords::lvsSyncDaemon);
    }

    /**
     * {@code lvs_sync_daemon IFACE [INSTANCE] [id N] [maxlen N] [port N] [ttl N] [group IP]}:
     * IPVS is not driven here, but the line is checked as keepalived checks it.
     */
    private static void lvsSyncDaemon(GlobalDraft d, ConfigNode n, ParseContext c) {
        String iface = c.param(n, 0);
        java.util.Set<String> options = java.util.Set.of("id", "maxlen", "port", "ttl", "group");
        String instance = n.arg(1) != null && !options.contains(n.arg(1)) ? n.arg(1) : null;
        if (d.lvsSyncDaemon != null) {
            c.error(n, null, "lvs_sync_daemon has already been specified as " + d.lvsSyncDaemon + " - ignoring");
            return;
        }
        d.lvsSyncDaemon = instance == null ? iface : iface + " " + instance;
        for (int i = instance == null ? 1 : 2; i + 1 < n.args().size(); i += 2) {
            if ("maxlen".equals(n.arg(i))) {
                String value = n.arg(i + 1);
                if (!value.matches("[0-9]+") || Long.parseLong(value) < 1 || Long.parseLong(value) > 65507) {
                    c.error(n, null, "number '" + value + "' outside range [1, 65507]");
                    c.error(n, null, "Invalid lvs_sync_daemon maxlen (" + value + ") - ignoring");
                }
            }
        }
    }

    private static void processName(GlobalDraft d, ConfigNode n, ParseContext c) {
        String name = c.param(n, 0);
        if (name.length() >= TASK_COMM_LEN) {
            c.warning(n, null, "Process name " + name + " more than " + (TASK_COMM_LEN - 1) + " characters, truncating");
        }
    }

    /** Reads a value from a line, or {@code null} after reporting why it cannot. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ConfigNode node, ParseContext ctx);
    }

    /** A handler that checks every process's line and keeps the VRRP process's value. */
    private static <T> KeywordTable.Handler<GlobalDraft> keep(boolean vrrp, Reader<T> reader,
            BiConsumer<GlobalDraft, T> setter) {
        return (d, n, c) -> {
            T v = reader.read(n, c);
            if (vrrp && v != null) {
                setter.accept(d, v);
            }
        };
    }

    /** The nice value, or {@code null} when missing or out of range (reported). */
    private static Long priority(ConfigNode n, ParseContext c, String process) {
        if (n.arg(0) == null) {
            c.error(n, null, "No " + process + " process priority specified");
            return null;
        }
        return c.args(n).signedIn(0, -20, 19, null, "Invalid " + process + " process priority specified");
    }

    /** The SCHED_RR priority clamped to 1-{@link #MAX_RT_PRIORITY} as keepalived does, or {@code null} when unreadable. */
    private static Long realtimePriority(ConfigNode n, ParseContext c, String process) {
        if (n.arg(0) == null) {
            c.error(n, null, "No " + process + " process real-time priority specified");
            return null;
        }
        Long v = c.args(n).signedIn(0, Integer.MIN_VALUE, Integer.MAX_VALUE, null, process
                + " process real-time priority '" + n.arg(0) + "' invalid");
        if (v != null && v < 1) {
            c.warning(n, null, process + " process real-time priority " + v + " less than minimum 1 - setting to minimum");
            return 1L;
        } else if (v != null && v > MAX_RT_PRIORITY) {
            c.warning(n, null, process + " process real-time priority " + v
                    + " greater than maximum " + MAX_RT_PRIORITY + " - setting to maximum");
            return (long) MAX_RT_PRIORITY;
        }
        return v;
    }

    /** The CPU ids, or {@code null} when one of them is not a CPU of this machine (reported). */
    private static List<Integer> cpuAffinity(ConfigNode n, ParseContext c, String process) {
        if (n.args().isEmpty()) {
            c.error(n, null, "No " + process + " cpu_id set specified");
            return null;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n.args().size(); i++) {
            NumberReading.Result id = NumberReading.signed(n.arg(i), 0, cpus - 1L);
            if (!id.ok()) {
                c.error(n, null, "Invalid cpu_id:" + n.arg(i) + " specified for " + process + " process");
                return null;
            }
            ids.add((int) id.value());
        }
        return ids;
    }

    private static Long rtLimit(ConfigNode n, ParseContext c, String process) {
        return c.args(n).unsignedIn(0, 1, UINT_MAX, null, "Invalid " + process + " real-time limit - " + n.arg(0));
    }

    private static void scriptTimeout(ConfigNode n, ParseContext c, String type) {
        if (n.arg(0) == null) {
            c.error(n, null, type + "_script_timeout requires value");
        } else {
            c.args(n).unsignedIn(0, 1, 1000, null, type + "_script_timeout '" + n.arg(0)
                    + "' must be in [1, 1000] - ignoring");
        }
    }

    private static void rxBufsPolicy(GlobalDraft d, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, null, "vrrp_rx_bufs_policy missing");
            return;
        }
        boolean size = false;
        boolean mtu = false;
        boolean advert = false;
        for (String word : n.args()) {
            NumberReading.Result number = NumberReading.unsigned(word, 0, UINT_MAX);
            if ("MTU".equals(word)) {
                mtu = true;
            } else if ("ADVERT".equals(word)) {
                advert = true;
            } else if (number.ok()) {
                size = true;
                d.rxBufsSize = number.value();
            } else {
                c.error(n, null, "Invalid vrrp_rx_bufs_policy " + word);
            }
        }
        if (size && (mtu || advert)) {
            c.error(n, null, "Cannot set vrrp_rx_bufs_policy size and policy, ignoring policy");
        } else if (mtu && advert) {
            c.error(n, null, "Cannot set both vrrp_rx_bufs_policy MTU and ADVERT, ignoring ADVERT");
        }
        d.rxBufsPolicy = size ? RxBufferConfig.Kind.SIZE : mtu ? RxBufferConfig.Kind.MTU
                : advert ? RxBufferConfig.Kind.ADVERT : d.rxBufsPolicy;
    }

    private static void umask(GlobalDraft d, ConfigNode n, ParseContext c) {
        boolean numeric = !n.args().isEmpty() && Character.isDigit(n.arg(0).charAt(0));
        if (n.args().isEmpty() || (numeric && n.args().size() > 1)) {
            c.error(n, null, (n.args().isEmpty() ? "Missing" : "Extra") + " parameter(s) to umask option");
            return;
        }
        // symbolic bits may be spaced out: "IXUSR | IWGRP" is "IXUSR|IWGRP"
        String mask = String.join("", n.args());
        if (numeric) {
            boolean ok = mask.matches("0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*");
            if (!ok) {
                c.error(n, null, "invalid umask value " + mask);
            }
            return;
        }
        for (String bit : mask.split("\\|", -1)) {
            if (!bit.matches("I[RWX](USR|GRP|OTH)")) {
                c.error(n, null, bit.isEmpty() ? "umask missing bit value" : "Unknown umask bit " + bit);
                return;
            }
        }
    }

    private static void missingName(ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, null, n.keyword() + " missing directory name");
        }
    }
}
