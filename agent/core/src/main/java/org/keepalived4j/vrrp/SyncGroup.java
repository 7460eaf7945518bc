package org.keepalived4j.vrrp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.state.EventSink;

/**
 * A {@code vrrp_sync_group}: its members change state together, as keepalived's vrrp_sync.c
 * does. A member whose master-down timer expires becomes MASTER only when every other member
 * wants to as well (until then it waits, wanting MASTER); when one leaves MASTER for BACKUP all
 * do; a FAULT in one member faults them all, and they recover when no member is faulty.
 */
final class SyncGroup {

    private final String name;
    private final List<VrrpInstance> members = new ArrayList<>();
    private final EventSink events;
    private final Clock wallClock;
    private final AtomicReference<SyncGroupSnapshot> published = new AtomicReference<>();
    private VrrpState state = VrrpState.INIT;
    private long transitions;
    private Instant lastTransition;
    private boolean moving;

    SyncGroup(String name, EventSink events, Clock wallClock) {
        this.name = name;
        this.events = events;
        this.wallClock = wallClock;
        publish();
    }

    String name() {
        return name;
    }

    void add(VrrpInstance member) {
        members.add(member);
        member.joinSyncGroup(this);
        publish();
    }

    /** Puts {@code replacement} where {@code old} was; returns whether {@code old} was a member. */
    boolean replace(VrrpInstance old, VrrpInstance replacement) {
        int i = members.indexOf(old);
        if (i < 0) {
            return false;
        }
        members.set(i, replacement);
        replacement.joinSyncGroup(this);
        publish();
        return true;
    }

    boolean anyMemberFaulted() {
        for (VrrpInstance m : members) {
            if (m.trackingFault()) {
                return true;
            }
        }
        return false;
    }

    /** Whether every other member is MASTER or wants to be. */
    boolean mayBecomeMaster(VrrpInstance candidate) {
        for (VrrpInstance m : members) {
            if (m != candidate && m.state() != VrrpState.MASTER && m.wanted() != VrrpState.MASTER) {
                return false;
            }
        }
        return true;
    }

    void memberBecameMaster(VrrpInstance member, long now) {
        moveOthers(member, m -> m.syncToMaster(now));
    }

    void memberLeftMaster(VrrpInstance member, long now) {
        moveOthers(member, m -> m.syncToBackup(now));
    }

    void memberFaulted(VrrpInstance member, long now) {
        moveOthers(member, m -> m.syncToFault(now));
    }

    void memberRecovered(VrrpInstance member, long now) {
        if (!anyMemberFaulted()) {
            moveOthers(member, m -> m.syncFaultCleared(now));
        }
    }

    private void moveOthers(VrrpInstance member, java.util.function.Consumer<VrrpInstance> move) {
        if (moving) {
            return;
        }
        moving = true;
        try {
            for (VrrpInstance m : members) {
                if (m != member) {
                    move.accept(m);
                }
            }
        } finally {
            moving = false;
        }
        memberChanged(null);
    }

    /** Recomputes the group state after a member transition; emits an event when it changed. */
    void memberChanged(TransitionReason reason) {
        if (moving) {
            return;
        }
        VrrpState now = computeState();
        if (now == state) {
            return;
        }
        VrrpState from = state;
        state = now;
        transitions++;
        lastTransition = wallClock.instant();
        publish();
        events.emit(new SyncGroupStateChanged(name, from, now,
                reason != null ? reason : TransitionReason.SYNC_GROUP, lastTransition));
    }

    private VrrpState computeState() {
        boolean allMaster = !members.isEmpty();
        boolean anyInit = false;
        for (VrrpInstance m : members) {
            if (m.state() == VrrpState.FAULT) {
                return VrrpState.FAULT;
            }
            if (m.state() == VrrpState.STOP) {
                return VrrpState.STOP;
            }
            allMaster &= m.state() == VrrpState.MASTER;
            anyInit |= m.state() == VrrpState.INIT;
        }
        return allMaster ? VrrpState.MASTER : anyInit ? VrrpState.INIT : VrrpState.BACKUP;
    }

    private void publish() {
        List<String> names = members.stream().map(VrrpInstance::name).toList();
        published.set(new SyncGroupSnapshot(name, state, names, lastTransition, transitions));
    }

    SyncGroupSnapshot snapshot() {
        return published.get();
    }
}
