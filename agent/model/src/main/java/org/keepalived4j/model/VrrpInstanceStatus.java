package org.keepalived4j.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a VRRP instance is doing now; a new status is published after every change.
 *
 * @param state its state
 * @param wantedState the state it would be in without faults
 * @param basePriority the priority it runs with before tracker weights (the configured one,
 *        unless it lowered an address owner's 255 to 254 when meeting another owner)
 * @param effectivePriority the priority it advertises now, after tracker weights
 * @param masterAdvertInterval the current master's advert interval (its own when it is master)
 * @param masterAddress the current master's address, or {@code null} when none is known
 * @param masterPriority the priority the current master advertises; 0 when none is known
 * @param primaryAddress the source address of its adverts, or {@code null} when it cannot run
 * @param lastTransition when it last changed state, or {@code null}
 * @param lastTransitionReason why, or {@code null}
 * @param transitionCount state changes since it was created
 * @param transitions those state changes by state entered and reason
 * @param trackers each tracked object's health and contribution now
 * @param addressesPresent for each of the settings' addresses, whether it is on its interface now,
 *        as the kernel reports it (whoever put it there)
 * @param lastMasterReason why it last entered MASTER, or {@code null} when it never has; kept after
 *        it leaves MASTER (RFC 6527's vrrpv3StatisticsMasterReason)
 * @param lastProtocolError the last protocol error it rejected a packet for ({@link VrrpPacketError#IP_TTL},
 *        {@link VrrpPacketError#VERSION} or {@link VrrpPacketError#CHECKSUM}), or {@code null} when none
 *        (RFC 6527's vrrpv3StatisticsProtoErrReason)
 */
public record VrrpInstanceStatus(
        VrrpState state,
        VrrpState wantedState,
        int basePriority,
        int effectivePriority,
        Duration masterAdvertInterval,
        String masterAddress,
        int masterPriority,
        String primaryAddress,
        Instant lastTransition,
        TransitionReason lastTransitionReason,
        long transitionCount,
        List<TransitionCount> transitions,
        List<TrackerSnapshot> trackers,
        List<Boolean> addressesPresent,
        TransitionReason lastMasterReason,
        VrrpPacketError lastProtocolError) {

    public VrrpInstanceStatus {
        transitions = List.copyOf(transitions);
        trackers = List.copyOf(trackers);
        addressesPresent = List.copyOf(addressesPresent);
    }

    /**
     * A status from a publisher that does not record those two: the master reason is the last
     * transition's while the instance is MASTER, and unknown otherwise; no protocol error.
     */
    public VrrpInstanceStatus(VrrpState state, VrrpState wantedState, int basePriority, int effectivePriority,
            Duration masterAdvertInterval, String masterAddress, int masterPriority, String primaryAddress,
            Instant lastTransition, TransitionReason lastTransitionReason, long transitionCount,
            List<TransitionCount> transitions, List<TrackerSnapshot> trackers, List<Boolean> addressesPresent) {
        this(state, wantedState, basePriority, effectivePriority, masterAdvertInterval, masterAddress, masterPriority,
                primaryAddress, lastTransition, lastTransitionReason, transitionCount, transitions, trackers,
                addressesPresent, state == VrrpState.MASTER ? lastTransitionReason : null, null);
    }
}
