package org.keepalived4j.config;

import java.util.List;
import org.keepalived4j.model.VrrpState;

/**
 * One {@code vrrp_instance} block, after keepalived's defaults and consistency rules have been
 * applied (e.g. {@code nopreempt} with {@code state MASTER} is already cleared, the VRRP version
 * resolved from the global default and the address family).
 *
 * @param name the instance name
 * @param location where the block starts
 * @param initialState {@code state}: BACKUP (default) or MASTER
 * @param interfaceName {@code interface}, or {@code null} for a unicast instance without one
 * @param vrid {@code virtual_router_id}, 1-255
 * @param priority {@code priority}, 1-255 (default 100; 255 = address owner)
 * @param advertIntervalMicros {@code advert_int} in microseconds (default 1 s; VRRPv2 whole seconds,
 *        VRRPv3 centiseconds)
 * @param version the VRRP version, 2 or 3 (IPv6 instances are always 3)
 * @param ipv6 whether the instance's addresses (and so its adverts) are IPv6
 * @param preempt false when {@code nopreempt} is in effect
 * @param preemptDelayMicros {@code preempt_delay} in microseconds, 0 when none
 * @param auth the {@code authentication} block
 * @param vips {@code virtual_ipaddress}
 * @param excludedVips {@code virtual_ipaddress_excluded}
 * @param virtualRoutes {@code virtual_routes}
 * @param virtualRules {@code virtual_rules}
 * @param promoteSecondaries {@code promote_secondaries}
 * @param transport multicast/unicast, source and destination addresses, VMAC
 * @param tracking {@code track_*} blocks
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param garp gratuitous ARP / NA timing (global defaults overridden by {@code garp_*})
 * @param downTimerAdverts {@code down_timer_adverts} (default 3)
 * @param lowerPrioNoAdvert {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param accept accept mode ({@code accept} / {@code no_accept}; off in strict mode)
 * @param strictMode {@code strict_mode} (default global {@code vrrp_strict})
 * @param skipCheckAdvAddr {@code skip_check_adv_addr} (default global {@code vrrp_skip_check_adv_addr})
 * @param notifyScripts the notify scripts
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param smtpAlert whether state changes send mail ({@code smtp_alert}, default from global_defs)
 */
public record VrrpInstanceConfig(
        String name,
        SourceLocation location,
        VrrpState initialState,
        String interfaceName,
        int vrid,
        int priority,
        long advertIntervalMicros,
        int version,
        boolean ipv6,
        boolean preempt,
        long preemptDelayMicros,
        AuthConfig auth,
        List<VipConfig> vips,
        List<VipConfig> excludedVips,
        List<RouteConfig> virtualRoutes,
        List<RuleConfig> virtualRules,
        boolean promoteSecondaries,
        VrrpTransportConfig transport,
        TrackingConfig tracking,
        boolean dontTrackPrimary,
        GarpConfig garp,
        int downTimerAdverts,
        boolean lowerPrioNoAdvert,
        boolean higherPrioSendAdvert,
        boolean accept,
        boolean strictMode,
        boolean skipCheckAdvAddr,
        NotifyConfig notifyScripts,
        boolean notifyPriorityChanges,
        boolean smtpAlert) {

    public VrrpInstanceConfig {
        vips = List.copyOf(vips);
        excludedVips = List.copyOf(excludedVips);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
    }

    /** Whether this instance owns its addresses (priority 255). */
    public boolean addressOwner() {
        return priority == 255;
    }
}
