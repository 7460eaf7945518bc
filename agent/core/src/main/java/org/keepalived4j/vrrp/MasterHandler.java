package org.keepalived4j.vrrp;

import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Master state of an instance, RFC 5798 section 6.4.3 (RFC 3768 6.4.3): advertising, and
 * stepping down for a better master.
 */
final class MasterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);

    private final VrrpInstance vi;

    MasterHandler(VrrpInstance instance) {
        this.vi = instance;
    }

    /** RFC 5798 6.4.3: Adver_Timer fired: send an advertisement and re-arm. */
    void advertTimer(long now) {
        vi.sendAdvert(vi.effectivePriority);
        long interval = vi.config.advertIntervalMicros() * 1000;
        vi.timerAt = vi.timerAt + interval > now ? vi.timerAt + interval : now + interval;
    }

    /** RFC 5798 6.4.3 (RFC 3768 6.4.3): an ADVERTISEMENT while Master. */
    void received(long now, VrrpPacket packet, VrrpAddress source) {
        int priority = packet.priority();
        int addressOrder = VrrpInstance.compareAddresses(source, vi.primaryAddress);
        boolean higher = priority > vi.effectivePriority || (priority == vi.effectivePriority && addressOrder > 0);
        if (priority == 0 || (vi.config.higherPrioSendAdvert() && higher)) {
            vi.sendAdvert(vi.effectivePriority);
            if (priority == 0) {
                vi.timerAt = now + vi.config.advertIntervalMicros() * 1000;
                return;
            }
        }
        if (priority == vi.effectivePriority && addressOrder == 0) {
            if (vi.packetLog.allow(PacketLogLimiter.Reason.OUR_ADDRESS, now)) {
                LOG.warn("({}) equal priority advert received from a remote host with our IP address",
                        vi.config.name());
            }
        } else if (priority == vi.effectivePriority && vi.effectivePriority == 255) {
            LOG.error("({}) configuration error: this and a remote instance are both address owners (priority 255)"
                    + " - reducing local priority to 254", vi.config.name());
            vi.basePriority = 254;
            vi.effectivePriority = vi.tracking.effectivePriority(vi.basePriority);
            higher = priority > vi.effectivePriority;
        }
        if (!higher) {
            lowerPriorityReceived(now, source, priority);
            return;
        }
        LOG.info("({}) master received advert from {} with {} priority {}, ours {}", vi.config.name(), source,
                priority > vi.effectivePriority ? "higher" : "equal (and a higher address)", priority,
                vi.effectivePriority);
        if (vi.config.version() == 3) {
            vi.masterAdvertIntervalMicros = packet.advertIntervalMicros();
        }
        vi.masterAddress = source;
        vi.masterPriority = priority;
        vi.lastMasterAdvertAt = now;
        vi.leaveMaster(now, VrrpState.BACKUP, TransitionReason.PREEMPTED, false);
    }

    private void lowerPriorityReceived(long now, VrrpAddress source, int priority) {
        if (vi.packetLog.allow(PacketLogLimiter.Reason.LOWER_PRIORITY, now)) {
            LOG.info("({}) received advert from {} with lower priority {}, ours {}{}", vi.config.name(), source,
                    priority, vi.effectivePriority, vi.config.lowerPrioNoAdvert() ? "" : ", forcing new election");
        }
        if (!vi.config.lowerPrioNoAdvert()) {
            vi.sendAdvert(vi.effectivePriority);
        }
        if (vi.config.garp().lowerPrioRepeat() > 0) {
            vi.io.announce(vi, vi.config.garp().lowerPrioRepeat());
            vi.garp.lowerPriorityReceived(now);
        }
        vi.observer.masterReceivedLowerPriority(vi, source, priority);
    }
}
