package org.keepalived4j.vrrp;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.model.SyncGroupSettings;
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

    private final SyncGroupSettings settings;
    private final List<VrrpInstance> members = new ArrayList<>();
    private final EventSink events;
    private final Clock wallClock;
    private final AtomicReference<SyncGroupSnapshot> published = new AtomicReference<>();
    private VrrpState state = VrrpState.INIT;
    private long transitions;
    private Instant lastTransition;
    private boolean moving;

    SyncGroup(SyncGroupSettings settings, EventSink events, Clock wallClock) {
        this.settings = settings;
        this.events = events;
        this.wallClock = wallClock;
        publish();
    }

    String name() {
        return settings.name();
    }

    /**
     * Adds a member. The group's state follows its members without an event: on a reload the
     * group is rebuilt around members that keep their states, and at start they are all INIT.
     */
    void add(VrrpInstance member) {
        members.add(member);
        member.joinSyncGroup(this);
        state = computeState();
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

    /**
     * Called by the engine before any member starts: the group enters the state its members are
     * about to enter (FAULT if one of them is faulty, else BACKUP), so that its event comes
     * before theirs, as keepalived's vrrp_init_state notifies every sync group before any
     * instance. The members leaving INIT then change nothing more.
     */
    void start() {
        if (state == VrrpState.INIT && !members.isEmpty()) {
            change(anyMemberFaulted() ? VrrpState.FAULT : VrrpState.BACKUP, TransitionReason.STARTUP);
        }
    }

    /**
     * Called by the engine once every instance has stopped: keepalived's notify_shutdown reports
     * the groups after all the instances, not as soon as a first member stops.
     */
    void shutdown() {
        if (state != VrrpState.STOP) {
            change(VrrpState.STOP, TransitionReason.SHUTDOWN);
        }
    }

    /**
     * A member changed state. When it moved on its own (its timer, an advert, its trackers), the
     * others follow (vrrp_sync.c): to MASTER, from MASTER to BACKUP, to FAULT, and out of FAULT
     * once no member is faulty. Their transitions come back here while they move and are not
     * followed again. Then the group's state is recomputed; a change is published and emitted
     * with the reason of the member that moved first. A member leaving INIT in a started group,
     * or stopping with the daemon, moves nothing: {@link #start} and {@link #shutdown} do.
     */
    void memberTransitioned(VrrpInstance member, VrrpState from, VrrpState to, TransitionReason reason, long now) {
        if (moving || (from == VrrpState.INIT && state != VrrpState.INIT)
                || (to == VrrpState.STOP && reason == TransitionReason.SHUTDOWN)) {
            return;
        }
        moving = true;
        try {
            for (VrrpInstance m : members) {
                if (m == member) {
                    continue;
                }
                if (to == VrrpState.MASTER) {
                    m.syncToMaster(now);
                } else if (to == VrrpState.FAULT) {
                    m.syncToFault(now);
                } else if (from == VrrpState.MASTER && to == VrrpState.BACKUP) {
                    m.syncToBackup(now);
                } else if (from == VrrpState.FAULT && to == VrrpState.BACKUP && !anyMemberFaulted()) {
                    m.syncFaultCleared(now);
                }
            }
        } finally {
            moving = false;
        }
        VrrpState next = computeState();
        if (next != state) {
            change(next, reason);
        }
    }

    private void change(VrrpState next, TransitionReason reason) {
        VrrpState previous = state;
        state = next;
        transitions++;
        lastTransition = wallClock.instant();
        publish();
        events.emit(new SyncGroupStateChanged(snapshot(), previous, next, reason, lastTransition));
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
        published.set(new SyncGroupSnapshot(settings, state, lastTransition, transitions));
    }

    SyncGroupSnapshot snapshot() {
        return published.get();
    }
}
