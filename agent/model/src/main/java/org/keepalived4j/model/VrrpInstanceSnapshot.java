package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one {@code vrrp_instance} at one moment.
 *
 * @param name the instance name ({@code vrrp_instance NAME})
 * @param vrid the virtual router id, 1-255
 * @param interfaceName the interface the instance runs on
 * @param version the VRRP version, 2 or 3
 * @param ipv6 whether the instance carries IPv6 addresses (VRRPv3 over IPv6)
 * @param state the current state
 * @param wantedState the state the instance would be in if nothing were faulty
 * @param initialState the configured {@code state}, BACKUP or MASTER
 * @param basePriority the configured priority, 1-255
 * @param effectivePriority the priority after tracker weights, as advertised
 * @param advertInterval our configured advertisement interval
 * @param masterAdvertInterval the interval the current master advertises (ours when we are master)
 * @param masterAddress the source address of the current master, or {@code null} if none is known
 * @param masterPriority the priority the current master advertises, 0 if none is known
 * @param primaryAddress the address we send advertisements from
 * @param unicastPeers the unicast peers, empty when the instance uses multicast
 * @param vips the virtual addresses ({@code virtual_ipaddress})
 * @param excludedVips the virtual addresses not carried in advertisements ({@code virtual_ipaddress_excluded})
 * @param preempt whether the instance preempts a lower-priority master ({@code nopreempt} clears it)
 * @param preemptDelay how long to wait before preempting after startup; zero when none
 * @param authType {@code NONE}, {@code PASS} or {@code AH} (never the password)
 * @param garpMasterDelay the delay before the second set of gratuitous ARPs after becoming master
 * @param lastTransition when the state last changed
 * @param lastTransitionReason why the state last changed
 * @param transitionCount how many state changes since the instance was created
 * @param transitions the same changes counted per (state entered, reason); only pairs that
 *        occurred are listed, and their counts add up to {@code transitionCount}
 * @param syncGroup the name of the sync group the instance belongs to, or {@code null}
 * @param trackers what the instance tracks and what each contributes
 * @param counters keepalived's statistics counters
 * @param takeover how long a master had been silent each time we took over from it
 */
public record VrrpInstanceSnapshot(
        String name,
        int vrid,
        String interfaceName,
        int version,
        boolean ipv6,
        VrrpState state,
        VrrpState wantedState,
        VrrpState initialState,
        int basePriority,
        int effectivePriority,
        Duration advertInterval,
        Duration masterAdvertInterval,
        String masterAddress,
        int masterPriority,
        String primaryAddress,
        List<String> unicastPeers,
        List<VipSnapshot> vips,
        List<VipSnapshot> excludedVips,
        boolean preempt,
        Duration preemptDelay,
        String authType,
        Duration garpMasterDelay,
        Instant lastTransition,
        TransitionReason lastTransitionReason,
        long transitionCount,
        List<TransitionCount> transitions,
        String syncGroup,
        List<TrackerSnapshot> trackers,
        VrrpCounters counters,
        HistogramSnapshot takeover) {

    public VrrpInstanceSnapshot {
        unicastPeers = List.copyOf(unicastPeers);
        vips = List.copyOf(vips);
        excludedVips = List.copyOf(excludedVips);
        transitions = List.copyOf(transitions);
        trackers = List.copyOf(trackers);
    }

    /** A copy with other counters (counters change far more often than anything else). */
    public VrrpInstanceSnapshot withCounters(VrrpCounters newCounters, HistogramSnapshot newTakeover) {
        return new VrrpInstanceSnapshot(name, vrid, interfaceName, version, ipv6, state, wantedState,
                initialState, basePriority, effectivePriority, advertInterval, masterAdvertInterval,
                masterAddress, masterPriority, primaryAddress, unicastPeers, vips, excludedVips, preempt,
                preemptDelay, authType, garpMasterDelay, lastTransition, lastTransitionReason,
                transitionCount, transitions, syncGroup, trackers, newCounters, newTakeover);
    }
}
