package org.keepalived4j.model;

import java.time.Duration;
import java.util.List;

/**
 * A VRRP instance as configured: what a reload sets and nothing else changes. Shared by every
 * snapshot of the instance until the next reload.
 *
 * @param index its position among the VRRP instances, from 1 (KEEPALIVED-MIB's vrrpInstanceIndex;
 *        a reload that adds or removes instances renumbers them, as keepalived does)
 * @param name the instance name ({@code vrrp_instance NAME})
 * @param vrid {@code virtual_router_id}
 * @param interfaceName {@code interface}
 * @param version the VRRP version, 2 or 3
 * @param ipv6 whether it runs over IPv6
 * @param initialState {@code state}: BACKUP, or MASTER
 * @param priority the configured {@code priority}, 1-255 (the running base priority is in the status)
 * @param advertInterval {@code advert_int}
 * @param preempt whether it preempts a lower-priority master (false with {@code nopreempt})
 * @param preemptDelay {@code preempt_delay}
 * @param authType {@code auth_type}: NONE, PASS or AH (the password is never part of a snapshot)
 * @param garpMasterDelay {@code garp_master_delay}
 * @param syncGroup the {@code vrrp_sync_group} it belongs to, or {@code null}
 * @param accept {@code accept} (true unless {@code no_accept} or strict mode)
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param promoteSecondaries {@code promote_secondaries}
 * @param smtpAlert whether state changes send mail ({@code smtp_alert}, resolved against the globals)
 * @param notifyPriorityChanges {@code notify_priority_changes} (resolved against the globals)
 * @param notifyScripts the notify scripts
 * @param multicastGroup the multicast destination of adverts, or {@code null} when unicast
 * @param unicastSource {@code unicast_src_ip}, or {@code null}
 * @param unicastPeers {@code unicast_peer} addresses
 * @param addresses the virtual addresses, then the excluded ones
 * @param routes {@code virtual_routes}
 * @param rules {@code virtual_rules}
 * @param tracked what it tracks (interfaces, scripts, files, processes, BFD sessions)
 * @param useLinkbeat whether its interface's link state is polled ({@code linkbeat_use_polling})
 */
public record VrrpInstanceSettings(
        int index,
        String name,
        int vrid,
        String interfaceName,
        int version,
        boolean ipv6,
        VrrpState initialState,
        int priority,
        Duration advertInterval,
        boolean preempt,
        Duration preemptDelay,
        String authType,
        Duration garpMasterDelay,
        String syncGroup,
        boolean accept,
        boolean dontTrackPrimary,
        boolean promoteSecondaries,
        boolean smtpAlert,
        boolean notifyPriorityChanges,
        NotifySettings notifyScripts,
        String multicastGroup,
        String unicastSource,
        List<String> unicastPeers,
        List<AddressSettings> addresses,
        List<RouteSettings> routes,
        List<RuleSettings> rules,
        List<TrackSettings> tracked,
        boolean useLinkbeat) {

    public VrrpInstanceSettings {
        unicastPeers = List.copyOf(unicastPeers);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        tracked = List.copyOf(tracked);
    }

    /** The addresses adverts carry ({@code virtual_ipaddress}). */
    public List<AddressSettings> virtualAddresses() {
        return addresses.stream().filter(AddressSettings::advertised).toList();
    }

    /** {@code virtual_ipaddress_excluded}. */
    public List<AddressSettings> excludedAddresses() {
        return addresses.stream().filter(a -> !a.advertised()).toList();
    }

    /** The tracked objects of one kind, in configuration order. */
    public List<TrackSettings> tracked(String kind) {
        return tracked.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
