package org.keepalived4j.vrrp;

import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Backup state of an instance, RFC 5798 section 6.4.2 (RFC 3768 6.4.2): following the
 * master's advertisements, and taking over when they stop.
 */
final class BackupHandler {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);

    private final VrrpInstance vi;

    BackupHandler(VrrpInstance instance) {
        this.vi = instance;
    }

    /** RFC 5798 6.4.2: Master_Down_Timer fired: become master (unless a sync group holds us). */
    void masterDownTimer(long now) {
        vi.timerAt = VrrpInstance.NEVER;
        vi.wanted = VrrpState.MASTER;
        TransitionReason reason = vi.masterReleased ? TransitionReason.MASTER_RELEASED
                : vi.ignoringLowerPriority || (vi.ownerWantingMaster() && vi.masterAddress == null) ? TransitionReason.PRIORITY
                : TransitionReason.MASTER_NO_RESPONSE;
        if (vi.syncGroup != null && !vi.syncGroup.mayBecomeMaster(vi)) {
            LOG.info("({}) master down timer expired; waiting for the other members of sync group {}",
                    vi.config.name(), vi.syncGroup.name());
            vi.publisher.publish(null, null);
            return;
        }
        vi.becomeMaster(now, reason);
    }

    /** RFC 5798 6.4.2 (RFC 3768 6.4.2): an ADVERTISEMENT while Backup. */
    void received(long now, VrrpPacket packet, VrrpAddress source) {
        int priority = packet.priority();
        if (priority == 0) {
            // The master is stepping down: take over after Skew_Time only.
            vi.masterReleased = true;
            vi.ignoringLowerPriority = false;
            vi.timerAt = now + vi.skewMicros() * 1000;
            return;
        }
        boolean preemptDelayRunning = vi.config.preemptDelayMicros() > 0 && (vi.preemptAt == 0 || vi.preemptAt > now);
        if (!vi.config.preempt() || priority >= vi.effectivePriority || preemptDelayRunning) {
            followMaster(now, packet, source);
            if (vi.config.preemptDelayMicros() > 0) {
                if (priority >= vi.effectivePriority) {
                    vi.preemptAt = 0;
                } else if (vi.preemptAt == 0) {
                    vi.preemptAt = now + vi.config.preemptDelayMicros() * 1000;
                }
            }
            vi.wanted = VrrpState.BACKUP;
        } else {
            // Lower priority and we may preempt: ignore it and let the down timer run out.
            if (!vi.ignoringLowerPriority) {
                LOG.info("({}) received lower priority ({}) advert from {} - discarding", vi.config.name(), priority,
                        source);
            }
            vi.ignoringLowerPriority = true;
            vi.masterReleased = false;
            vi.masterAddress = source;
            vi.masterPriority = priority;
        }
    }

    private void followMaster(long now, VrrpPacket packet, VrrpAddress source) {
        boolean changed = !source.equals(vi.masterAddress) || packet.priority() != vi.masterPriority;
        if (vi.config.version() == 3 && packet.advertIntervalMicros() != vi.masterAdvertIntervalMicros) {
            // RFC 5798 6.4.2: Master_Adver_Interval is taken from the master's advertisement.
            vi.masterAdvertIntervalMicros = packet.advertIntervalMicros();
            changed = true;
        }
        vi.masterAddress = source;
        vi.masterPriority = packet.priority();
        vi.masterReleased = false;
        vi.ignoringLowerPriority = false;
        vi.lastMasterAdvertAt = now;
        vi.timerAt = now + vi.downInterval() * 1000;
        if (changed) {
            vi.publisher.publish(null, null);
            vi.observer.changed(vi);
        }
    }
}
