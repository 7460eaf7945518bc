package org.keepalived4j.config;

/**
 * global_defs keywords that tune keepalived's C processes (names, scheduling, CPU affinity,
 * netlink buffers, firewall tables, reload helpers...). keepalived4j has no use for most of
 * their values, but reads them with keepalived's ranges so that {@code -t} verdicts agree; the
 * VRRP receive buffer policy ({@code vrrp_rx_bufs_policy}, {@code vrrp_rx_bufs_multiplier})
 * is applied.
 */
final class ProcessTuningKeywords {

    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final int TASK_COMM_LEN = 16;

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
            t.line(p + "_priority", (d, n, c) -> priority(n, c, p));
            t.line(p + "_no_swap", (d, n, c) -> { });
            t.line(p + "_rt_priority", (d, n, c) -> realtimePriority(n, c, p));
            t.line(p + "_cpu_affinity", (d, n, c) -> cpuAffinity(n, c, p));
            t.line(p + "_rlimit_rttime", (d, n, c) -> rtLimit(n, c, p));
            t.line(p + "_rlimit_rtime", (d, n, c) -> {
                c.info(n, null, "Keyword '" + n.keyword() + "' is deprecated - please use '" + p + "_rlimit_rttime'");
                rtLimit(n, c, p);
            });
        }
        t.line("max_auto_priority", (d, n, c) -> {
            if (n.arg(0) != null) {
                c.args(n).signedIn(0, -1, 99, null, "max_auto_priority '" + n.arg(0)
                        + "' must be in [0, 99] (or -1 to disable) - ignoring");
            }
        });
        t.line("min_auto_priority_delay", (d, n, c) -> {
            if (n.arg(0) == null) {
                c.error(n, null, "min_auto_priority_delay requires delay time");
            } else {
                c.args(n).signedIn(0, 1, 10_000_000, null, "min_auto_priority_delay '" + n.arg(0)
                        + "' must be in [1, 10000000] - ignoring");
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
                "reload_time_file", "reload_repeat", "reload_file", "include_check", "lvs_timeouts", "lvs_sync_daemon");
    }

    private static void processName(GlobalDraft d, ConfigNode n, ParseContext c) {
        String name = c.param(n, 0);
        if (name.length() >= TASK_COMM_LEN) {
            c.warning(n, null, "Process name " + name + " more than " + (TASK_COMM_LEN - 1) + " characters, truncating");
        }
    }

    private static void priority(ConfigNode n, ParseContext c, String process) {
        if (n.arg(0) == null) {
            c.error(n, null, "No " + process + " process priority specified");
        } else {
            c.args(n).signedIn(0, -20, 19, null, "Invalid " + process + " process priority specified");
        }
    }

    private static void realtimePriority(ConfigNode n, ParseContext c, String process) {
        if (n.arg(0) == null) {
            c.error(n, null, "No " + process + " process real-time priority specified");
            return;
        }
        Long v = c.args(n).signedIn(0, Integer.MIN_VALUE, Integer.MAX_VALUE, null, process
                + " process real-time priority '" + n.arg(0) + "' invalid");
        if (v != null && v < 1) {
            c.warning(n, null, process + " process real-time priority " + v + " less than minimum 1 - setting to minimum");
        } else if (v != null && v > 99) {
            c.warning(n, null, process + " process real-time priority " + v
                    + " greater than maximum 99 - setting to maximum");
        }
    }

    private static void cpuAffinity(ConfigNode n, ParseContext c, String process) {
        if (n.args().isEmpty()) {
            c.error(n, null, "No " + process + " cpu_id set specified");
            return;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < n.args().size(); i++) {
            if (!NumberReading.signed(n.arg(i), 0, cpus - 1L).ok()) {
                c.error(n, null, "Invalid cpu_id:" + n.arg(i) + " specified for " + process + " process");
                return;
            }
        }
    }

    private static void rtLimit(ConfigNode n, ParseContext c, String process) {
        c.args(n).unsignedIn(0, 1, UINT_MAX, null, "Invalid " + process + " real-time limit - " + n.arg(0));
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
        if (n.args().size() != 1) {
            c.error(n, null, (n.args().isEmpty() ? "Missing" : "Extra") + " parameter(s) to umask option");
            return;
        }
        String mask = n.arg(0);
        if (Character.isDigit(mask.charAt(0))) {
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
