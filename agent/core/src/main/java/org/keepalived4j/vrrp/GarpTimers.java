package org.keepalived4j.vrrp;

import org.keepalived4j.config.GarpConfig;

/**
 * When a MASTER repeats its gratuitous ARPs / unsolicited NAs, as keepalived does: a second
 * burst {@code garp_master_delay} after becoming master, another {@code garp_lower_prio_delay}
 * after a lower-priority advert, and a refresh every {@code garp_master_refresh}.
 */
final class GarpTimers {

    private final GarpConfig config;
    private long secondBurstAt = VrrpInstance.NEVER;
    private long lowerPriorityBurstAt = VrrpInstance.NEVER;
    private long refreshAt = VrrpInstance.NEVER;

    GarpTimers(GarpConfig config) {
        this.config = config;
    }

    void becameMaster(long now) {
        secondBurstAt = config.masterDelayMicros() > 0 ? now + config.masterDelayMicros() * 1000 : VrrpInstance.NEVER;
        refreshAt = config.masterRefreshMicros() > 0 ? now + config.masterRefreshMicros() * 1000 : VrrpInstance.NEVER;
    }

    void lowerPriorityReceived(long now) {
        if (config.lowerPrioDelayMicros() > 0) {
            lowerPriorityBurstAt = now + config.lowerPrioDelayMicros() * 1000;
        }
    }

    void stopped() {
        secondBurstAt = VrrpInstance.NEVER;
        lowerPriorityBurstAt = VrrpInstance.NEVER;
        refreshAt = VrrpInstance.NEVER;
    }

    long nextDeadline() {
        return Math.min(secondBurstAt, Math.min(lowerPriorityBurstAt, refreshAt));
    }

    /** How many announcements per address are due now (0 if none), re-arming the refresh. */
    int due(long now, boolean master) {
        if (!master) {
            stopped();
            return 0;
        }
        int repeat = 0;
        if (now >= secondBurstAt) {
            repeat += config.masterRepeat();
            secondBurstAt = VrrpInstance.NEVER;
        }
        if (now >= lowerPriorityBurstAt) {
            repeat += config.lowerPrioRepeat();
            lowerPriorityBurstAt = VrrpInstance.NEVER;
        }
        if (now >= refreshAt) {
            repeat += config.masterRefreshRepeat();
            refreshAt = now + config.masterRefreshMicros() * 1000;
        }
        return repeat;
    }
}
