package org.keepalived4j.exporter.snmp.rfc;

import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpPacketError;

/**
 * RFC 6527's reasons as keepalived gives them: vrrpv3StatisticsNewMasterReason notMaster(0),
 * priority(1) after a priority-0 advertisement, preempted(2) after preempting a lower-priority
 * master or as address owner, masterNoResponse(3) after Master_Down_Interval; and
 * vrrpv3StatisticsProtoErrReason noError(0), ipTtlError(1), versionError(2), checksumError(3).
 */
final class MasterReasons {

    private MasterReasons() {
    }

    /**
     * The reason for entering MASTER. A member that a sync group moved takes the reason of the
     * member that moved it, as keepalived copies it ({@code state} tells which one that was).
     */
    static int code(TransitionReason reason, String instance, StateSnapshot state) {
        if (reason == null) {
            return 0;
        }
        if (reason == TransitionReason.SYNC_GROUP) {
            return code(moverReason(instance, state));
        }
        return code(reason);
    }

    /** vrrpv3StatisticsMasterReason of an instance now: why it last entered MASTER, kept after it leaves it. */
    static int code(VrrpInstanceSnapshot instance, StateSnapshot state) {
        return code(instance.status().lastMasterReason(), instance.name(), state);
    }

    private static int code(TransitionReason reason) {
        return switch (reason) {
            case MASTER_RELEASED -> 1;
            case PRIORITY, STARTUP, FAULT_CLEARED -> 2;
            default -> 3;
        };
    }

    /** The reason of the member of {@code instance}'s group that entered MASTER on its own. */
    private static TransitionReason moverReason(String instance, StateSnapshot state) {
        for (SyncGroupSnapshot group : state.syncGroups()) {
            if (!group.members().contains(instance)) {
                continue;
            }
            for (String member : group.members()) {
                TransitionReason r = state.vrrpInstance(member).map(i -> i.status().lastMasterReason()).orElse(null);
                if (r != null && r != TransitionReason.SYNC_GROUP) {
                    return r;
                }
            }
        }
        return TransitionReason.MASTER_NO_RESPONSE;
    }

    /** vrrpv3StatisticsProtoErrReason; authentication errors are not protocol errors here. */
    static int protocolError(VrrpPacketError error) {
        if (error == null) {
            return 0;
        }
        return switch (error) {
            case IP_TTL -> 1;
            case VERSION -> 2;
            case CHECKSUM -> 3;
            default -> 0;
        };
    }
}
