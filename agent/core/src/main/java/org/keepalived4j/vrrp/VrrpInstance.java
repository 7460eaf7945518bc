package org.keepalived4j.vrrp;

import java.time.Clock;
import java.time.Instant;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP instance: the RFC 5798 section 6.4 state machine (RFC 3768 section 6.4 for VRRPv2)
 * with keepalived's extensions (preempt delay, tracking, sync groups, gratuitous ARP timing).
 *
 * <p>Single-threaded: every method runs on the VRRP loop thread and takes the loop's monotonic
 * time in nanoseconds. It never touches a socket; what it does to the outside world goes
 * through {@link InstanceIo}, what it becomes is told to {@link InstanceObserver}.
 */
final class VrrpInstance {

    static final long NEVER = Long.MAX_VALUE;
    static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);

    final VrrpInstanceConfig config;
    final InstanceIo io;
    final InstanceObserver observer;
    private final Clock wallClock;
    private final VrrpStats stats = new VrrpStats();
    private final AdvertValidator validator;
    final PacketLogLimiter packetLog;
    /** At most a few rejection events a second: a flood of bad packets must not flood the event log. */
    private final EventBudget rejectionEvents = new EventBudget(10, 1_000_000_000L);
    private final BackupHandler backup;
    private final MasterHandler master;
    final InstancePublisher publisher;
    final GarpTimers garp;

    Tracking tracking = Tracking.none();
    SyncGroup syncGroup;
    VrrpAddress primaryAddress;

    VrrpState state = VrrpState.INIT;
    VrrpState wanted = VrrpState.BACKUP;
    int basePriority;
    int effectivePriority;
    long masterAdvertIntervalMicros;
    long timerAt = NEVER;
    long preemptAt;
    VrrpAddress masterAddress;
    int masterPriority;
    long lastMasterAdvertAt = NEVER;
    boolean masterReleased;
    boolean ignoringLowerPriority;
    private boolean addressesInstalled;

    VrrpInstance(VrrpInstanceConfig config, InstanceIo io, InstanceObserver observer, Clock wallClock,
            VrrpAddress primaryAddress) {
        this.config = config;
        this.io = io;
        this.observer = observer;
        this.wallClock = wallClock;
        this.primaryAddress = primaryAddress;
        this.packetLog = new PacketLogLimiter(LOG, config.name());
        this.validator = new AdvertValidator(config, stats, packetLog);
        this.basePriority = config.priority();
        this.effectivePriority = basePriority;
        this.masterAdvertIntervalMicros = config.advertIntervalMicros();
        this.publisher = new InstancePublisher(this, stats);
        this.garp = new GarpTimers(config.garp());
        this.backup = new BackupHandler(this);
        this.master = new MasterHandler(this);
        publisher.publish(wallClock.instant(), null);
    }

    // ---- wiring ----------------------------------------------------------------------------

    void track(Tracking newTracking) {
        this.tracking = newTracking;
    }

    void joinSyncGroup(SyncGroup group) {
        this.syncGroup = group;
    }

    void primaryAddress(VrrpAddress address) {
        this.primaryAddress = address;
        publisher.publish(null, null);
    }

    // ---- RFC 5798 6.4.1 Initialize ---------------------------------------------------------

    /**
     * Leaves INIT: to FAULT if tracking says so, otherwise to BACKUP. An address owner
     * configured {@code state MASTER} outside a sync group takes over at once: keepalived 2.2.7
     * (vrrp_init_state) puts it in BACKUP without a transition of its own and lets its
     * Master_Down_Timer expire a microsecond later. An owner in a sync group waits one interval
     * plus Skew_Time; everyone else waits Master_Down_Interval.
     */
    void start(long now) {
        io.removeStrayAddresses(this);
        effectivePriority = tracking.effectivePriority(basePriority);
        if (config.preemptDelayMicros() > 0) {
            preemptAt = now + config.preemptDelayMicros() * 1000;
        }
        if (tracking.fault() || (syncGroup != null && syncGroup.anyMemberFaulted())) {
            enterFault(now, TransitionReason.FAULT);
        } else if (ownerWantingMaster() && syncGroup == null) {
            holdBackup(now, 1);
        } else {
            enterBackup(now, TransitionReason.STARTUP, initialDownInterval());
        }
    }

    boolean ownerWantingMaster() {
        return config.initialState() == VrrpState.MASTER && basePriority == 255;
    }

    private long initialDownInterval() {
        return ownerWantingMaster()
                ? config.advertIntervalMicros() + skewMicros()
                : downInterval();
    }

    /**
     * Keeps the counters and transition history of the instance this one replaces on a reload,
     * so a reload does not send a counter backwards (keepalived restores them the same way).
     */
    void carryHistoryFrom(VrrpInstance old) {
        stats.carryFrom(old.stats);
        publisher.carryFrom(old.publisher);
    }

    /**
     * Takes over from the instance this one replaces on a configuration reload: a MASTER stays
     * MASTER (its addresses are installed again, which is harmless for those already there)
     * and a BACKUP stays BACKUP, both without a transition; anything else starts afresh.
     */
    void resume(long now, VrrpState previous) {
        effectivePriority = tracking.effectivePriority(basePriority);
        boolean fault = tracking.fault() || (syncGroup != null && syncGroup.anyMemberFaulted());
        if (fault || (previous != VrrpState.MASTER && previous != VrrpState.BACKUP)) {
            start(now);
            return;
        }
        state = previous;
        wanted = previous;
        if (previous == VrrpState.MASTER) {
            masterAddress = primaryAddress;
            masterPriority = effectivePriority;
            timerAt = now;
            io.installAddresses(this);
            addressesInstalled = true;
            io.announce(this, config.garp().masterRepeat());
            garp.becameMaster(now);
        } else {
            timerAt = now + downInterval() * 1000;
        }
        publisher.publish(null, null);
    }

    // ---- timers ------------------------------------------------------------------------------

    /** The earliest moment {@link #onTimer} has something to do. */
    long nextDeadline() {
        return Math.min(Math.min(timerAt, garp.nextDeadline()), packetLog.nextFlush());
    }

    /**
     * Sends the advert now if this is a master whose advert is due, and nothing else a timer
     * would do: for the middle of a long loop turn ({@link DueAdverts}).
     *
     * @return whether an advert was sent
     */
    boolean sendAdvertIfDue(long now) {
        if (state != VrrpState.MASTER || now < timerAt) {
            return false;
        }
        master.advertTimer(now);
        return true;
    }

    void onTimer(long now) {
        packetLog.flush(now);
        if (now >= timerAt) {
            if (state == VrrpState.MASTER) {
                master.advertTimer(now);
            } else if (state == VrrpState.BACKUP) {
                backup.masterDownTimer(now);
            } else {
                timerAt = NEVER;
            }
        }
        int repeat = garp.due(now, state == VrrpState.MASTER);
        if (repeat > 0) {
            io.announce(this, repeat);
        }
    }

    // ---- receiving ----------------------------------------------------------------------------

    void onAdvert(long now, ReceivedAdvert advert) {
        if (!validator.accept(advert, masterAddress, now)) {
            org.keepalived4j.model.VrrpPacketError error = validator.rejected();
            if (error != null) {
                publisher.rejected(error);
                if (rejectionEvents.take(now)) {
                    observer.packetRejected(this, advert.result().ip().source(), error);
                }
            }
            return;
        }
        VrrpPacket packet = advert.result().packet();
        VrrpAddress source = advert.result().ip().source();
        switch (state) {
            case BACKUP -> backup.received(now, packet, source);
            case MASTER -> master.received(now, packet, source);
            default -> {
                masterAddress = source;
                masterPriority = packet.priority();
            }
        }
    }

    // ---- tracking ------------------------------------------------------------------------------

    /** A tracked object changed: recompute the effective priority and FAULT. */
    void refreshTracking(long now) {
        int newPriority = tracking.effectivePriority(basePriority);
        int oldPriority = effectivePriority;
        boolean priorityChanged = newPriority != oldPriority;
        effectivePriority = newPriority;
        boolean fault = tracking.fault();
        if (fault && state != VrrpState.FAULT && state != VrrpState.STOP) {
            goToFault(now, TransitionReason.FAULT);
        } else if (!fault && state == VrrpState.FAULT
                && (syncGroup == null || !syncGroup.anyMemberFaulted())) {
            leaveFault(now);
        } else if (priorityChanged) {
            LOG.info("({}) effective priority now {}", config.name(), effectivePriority);
            publisher.publish(null, null);
            observer.priorityChanged(this, oldPriority, effectivePriority);
        }
    }

    boolean trackingFault() {
        return tracking.fault();
    }

    // ---- transitions --------------------------------------------------------------------------

    void becomeMaster(long now, TransitionReason reason) {
        VrrpState from = state;
        if (lastMasterAdvertAt != NEVER
                && (reason == TransitionReason.MASTER_NO_RESPONSE || reason == TransitionReason.MASTER_RELEASED)) {
            publisher.observeTakeover(now - lastMasterAdvertAt);
        }
        // keepalived sends the advert first so that the old master removes the VIPs before our GARPs.
        sendAdvert(effectivePriority);
        state = VrrpState.MASTER;
        wanted = VrrpState.MASTER;
        masterAdvertIntervalMicros = config.advertIntervalMicros();
        masterAddress = primaryAddress;
        masterPriority = effectivePriority;
        masterReleased = false;
        ignoringLowerPriority = false;
        timerAt = now + config.advertIntervalMicros() * 1000;
        stats.becomeMaster++;
        io.installAddresses(this);
        addressesInstalled = true;
        io.announce(this, config.garp().masterRepeat());
        garp.becameMaster(now);
        transitioned(from, reason, now);
    }

    private void enterBackup(long now, TransitionReason reason, long downMicros) {
        VrrpState from = state;
        holdBackup(now, downMicros);
        transitioned(from, reason, now);
    }

    /** BACKUP with the Master_Down_Timer {@code downMicros} from now, without announcing it. */
    private void holdBackup(long now, long downMicros) {
        state = VrrpState.BACKUP;
        wanted = VrrpState.BACKUP;
        masterAdvertIntervalMicros = config.advertIntervalMicros();
        timerAt = now + downMicros * 1000;
        garp.stopped();
    }

    /** MASTER to BACKUP, FAULT or STOP: remove the addresses; on FAULT/STOP tell the peers first. */
    void leaveMaster(long now, VrrpState to, TransitionReason reason, boolean sendPriorityZero) {
        if (sendPriorityZero) {
            sendAdvert(0);
        }
        if (addressesInstalled) {
            io.removeAddresses(this);
            addressesInstalled = false;
        }
        stats.releaseMaster++;
        garp.stopped();
        VrrpState from = state;
        state = to;
        wanted = to == VrrpState.FAULT ? VrrpState.FAULT : wanted;
        if (to == VrrpState.BACKUP) {
            wanted = VrrpState.BACKUP;
            timerAt = now + downInterval() * 1000;
        } else {
            timerAt = NEVER;
        }
        transitioned(from, reason, now);
    }

    private void goToFault(long now, TransitionReason reason) {
        if (state == VrrpState.MASTER) {
            leaveMaster(now, VrrpState.FAULT, reason, true);
        } else {
            enterFault(now, reason);
        }
    }

    private void enterFault(long now, TransitionReason reason) {
        VrrpState from = state;
        state = VrrpState.FAULT;
        wanted = VrrpState.FAULT;
        timerAt = NEVER;
        garp.stopped();
        transitioned(from, reason, now);
    }

    private void leaveFault(long now) {
        masterAddress = null;
        masterPriority = 0;
        enterBackup(now, TransitionReason.FAULT_CLEARED, initialDownInterval());
    }

    /**
     * Stops the instance: a MASTER sends priority 0 so a backup takes over after Skew_Time, and
     * removes its addresses; any other state removes whichever of them someone else left.
     */
    void shutdown(long now) {
        stop(now, TransitionReason.SHUTDOWN);
    }

    /** Stops the instance because a reload removed it: as {@link #shutdown}, with that reason. */
    void remove(long now) {
        stop(now, TransitionReason.REMOVED);
    }

    private void stop(long now, TransitionReason reason) {
        if (state == VrrpState.STOP) {
            return;
        }
        if (state == VrrpState.MASTER) {
            leaveMaster(now, VrrpState.STOP, reason, true);
        } else {
            io.removeStrayAddresses(this);
            VrrpState from = state;
            state = VrrpState.STOP;
            timerAt = NEVER;
            garp.stopped();
            transitioned(from, reason, now);
        }
    }

    // ---- sync group (vrrp_sync.c): the group moves its members together ---------------------

    /** Another member became MASTER: follow it if our own down timer wanted it or nothing holds us. */
    void syncToMaster(long now) {
        if (state == VrrpState.BACKUP) {
            becomeMaster(now, TransitionReason.SYNC_GROUP);
        }
    }

    /** Another member left MASTER for BACKUP. */
    void syncToBackup(long now) {
        if (state == VrrpState.MASTER) {
            leaveMaster(now, VrrpState.BACKUP, TransitionReason.SYNC_GROUP, false);
        }
    }

    /** Another member went to FAULT. */
    void syncToFault(long now) {
        if (state == VrrpState.MASTER || state == VrrpState.BACKUP) {
            goToFault(now, TransitionReason.SYNC_GROUP);
        }
    }

    /** The group's last fault cleared. */
    void syncFaultCleared(long now) {
        if (state == VrrpState.FAULT && !tracking.fault()) {
            leaveFault(now);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    void sendAdvert(int priority) {
        io.sendAdvert(this, priority);
        stats.advertSent++;
        if (priority == 0) {
            stats.priZeroSent++;
        }
    }

    /**
     * After every state change: log, publish, tell the observer, then the sync group, which may
     * move the other members (their own transitions come back here while it does).
     */
    private void transitioned(VrrpState from, TransitionReason reason, long now) {
        LOG.info("({}) Entering {} STATE ({})", config.name(), state, reason.label());
        Instant at = wallClock.instant();
        publisher.publish(at, reason);
        observer.transitioned(this, from, state, reason);
        if (syncGroup != null) {
            syncGroup.memberTransitioned(this, from, state, reason, now);
        }
    }

    /**
     * RFC 5798 6.4.3: with equal priorities the higher primary address wins; addresses compare
     * as unsigned integers in network byte order. A missing primary address loses.
     */
    static int compareAddresses(VrrpAddress a, VrrpAddress b) {
        if (b == null) {
            return 1;
        }
        int length = Math.min(a.family().addressLength(), b.family().addressLength());
        for (int i = 0; i < length; i++) {
            int diff = a.byteAt(i) - b.byteAt(i);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    long skewMicros() {
        return VrrpTimers.skewTimeMicros(config.version(), effectivePriority, masterAdvertIntervalMicros);
    }

    long downInterval() {
        return VrrpTimers.masterDownIntervalMicros(config.version(), effectivePriority, masterAdvertIntervalMicros,
                config.downTimerAdverts());
    }

    // ---- read-only accessors (loop thread) ----------------------------------------------------

    VrrpInstanceConfig config() {
        return config;
    }

    String name() {
        return config.name();
    }

    VrrpState state() {
        return state;
    }

    VrrpState wanted() {
        return wanted;
    }

    int effectivePriority() {
        return effectivePriority;
    }

    int basePriority() {
        return basePriority;
    }

    long masterAdvertIntervalMicros() {
        return masterAdvertIntervalMicros;
    }

    VrrpAddress masterAddress() {
        return masterAddress;
    }

    int masterPriority() {
        return masterPriority;
    }

    VrrpAddress primaryAddress() {
        return primaryAddress;
    }

    boolean addressesInstalled() {
        return addressesInstalled;
    }

    boolean oldUnicastChecksum() {
        return validator.oldUnicastChecksum();
    }

    Tracking tracking() {
        return tracking;
    }

    SyncGroup syncGroup() {
        return syncGroup;
    }

    VrrpStats stats() {
        return stats;
    }

    InstancePublisher publisher() {
        return publisher;
    }
}
