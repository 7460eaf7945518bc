package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * The {@code global_defs} block (and the top-level daemon keywords), with keepalived's defaults
 * applied. Of the keywords that tune keepalived's C processes, those of the VRRP process
 * (scheduling, CPU affinity, memory locking) are kept in {@link #vrrpScheduling}; the others
 * (checker and BFD processes, process names, netlink buffers...) are accepted and checked but
 * have no field here; see the README's compatibility table.
 *
 * @param routerId {@code router_id} (default the host name)
 * @param smtp mail settings
 * @param mcastGroup4 {@code vrrp_mcast_group4} (default 224.0.0.18)
 * @param mcastGroup6 {@code vrrp_mcast_group6} (default ff02::12)
 * @param defaultInterface {@code default_interface} (default eth0)
 * @param garp {@code vrrp_garp_*} defaults for every instance
 * @param garpIntervalMicros {@code vrrp_garp_interval}: delay between gratuitous ARPs on one interface
 * @param gnaIntervalMicros {@code vrrp_gna_interval}: delay between unsolicited NAs on one interface
 * @param minGarp {@code vrrp_min_garp}
 * @param downTimerAdverts {@code vrrp_down_timer_adverts} (default 3)
 * @param lowerPrioNoAdvert {@code vrrp_lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code vrrp_higher_prio_send_advert}
 * @param vrrpVersion {@code vrrp_version} (default 2)
 * @param checkUnicastSrc {@code vrrp_check_unicast_src}
 * @param skipCheckAdvAddr {@code vrrp_skip_check_adv_addr}
 * @param strict {@code vrrp_strict}
 * @param notifyPriorityChanges {@code vrrp_notify_priority_changes}
 * @param startupDelayMicros {@code vrrp_startup_delay}
 * @param snmp SNMP switches
 * @param scriptUser {@code script_user} user, or {@code null} (keepalived_script if it exists, else root)
 * @param scriptGroup {@code script_user} group, or {@code null}
 * @param enableScriptSecurity {@code enable_script_security}
 * @param notifyFifo {@code notify_fifo}, or {@code null}
 * @param vrrpNotifyFifo {@code vrrp_notify_fifo}, or {@code null}
 * @param lvsNotifyFifo {@code lvs_notify_fifo}, or {@code null}
 * @param lvsFlush {@code lvs_flush}
 * @param lvsFlushOnStop {@code lvs_flush_onstop} / {@code lvs_flush_on_stop}
 * @param rsInitNotifies {@code rs_init_notifies}
 * @param checkerLogAllFailures {@code checker_log_all_failures}
 * @param dynamicInterfaces {@code dynamic_interfaces}
 * @param netNamespace {@code net_namespace}, or {@code null}
 * @param instanceName {@code instance}, or {@code null}
 * @param startupScript {@code startup_script}, or {@code null}
 * @param shutdownScript {@code shutdown_script}, or {@code null}
 * @param vrrpScheduling {@code vrrp_rt_priority}, {@code vrrp_rlimit_rttime}, {@code vrrp_priority},
 *     {@code vrrp_cpu_affinity}, {@code vrrp_no_swap}
 * @param linkbeatUsePolling {@code linkbeat_use_polling}: link state by polling (MII/ETHTOOL) rather than netlink
 */
public record GlobalConfig(
        String routerId,
        SmtpConfig smtp,
        InetAddress mcastGroup4,
        InetAddress mcastGroup6,
        String defaultInterface,
        GarpConfig garp,
        long garpIntervalMicros,
        long gnaIntervalMicros,
        boolean minGarp,
        int downTimerAdverts,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        int vrrpVersion,
        boolean checkUnicastSrc,
        boolean skipCheckAdvAddr,
        boolean strict,
        boolean notifyPriorityChanges,
        long startupDelayMicros,
        SnmpGlobalConfig snmp,
        String scriptUser,
        String scriptGroup,
        boolean enableScriptSecurity,
        NotifyFifoConfig notifyFifo,
        NotifyFifoConfig vrrpNotifyFifo,
        NotifyFifoConfig lvsNotifyFifo,
        boolean lvsFlush,
        LvsFlushOnStop lvsFlushOnStop,
        boolean rsInitNotifies,
        boolean checkerLogAllFailures,
        boolean dynamicInterfaces,
        String netNamespace,
        String instanceName,
        NotifyScript startupScript,
        NotifyScript shutdownScript,
        SchedulingConfig vrrpScheduling,
        boolean linkbeatUsePolling) {
}
