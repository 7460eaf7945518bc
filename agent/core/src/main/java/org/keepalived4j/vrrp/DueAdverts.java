package org.keepalived4j.vrrp;

import java.util.function.LongSupplier;

/**
 * Keeps masters' adverts on time through a long loop turn. A turn that moves hundreds of
 * instances at once (a peer's priority flip read in one drain of the socket, timers that expire
 * together, a reload, a sync group) keeps the VRRP thread busy for tens to hundreds of
 * milliseconds: each transition logs, changes addresses through netlink and emits its event.
 * Timers are looked at only when the turn ends, so a master whose advert falls due meanwhile,
 * one that has nothing to do with the flip, would send it late, and its backups could take
 * over. So after each transition, once {@link #SLICE_NANOS} have passed since the last look,
 * every master whose advert is due sends it there and then. Only masters' advert timers: a
 * backup's Master_Down_Timer waits for the end of the turn, when every advert that was queued
 * has been read ({@link TimerTurn}). Loop thread only.
 */
final class DueAdverts {

    /** How often a long turn looks for due adverts: well inside the shortest advert interval (10 ms). */
    static final long SLICE_NANOS = 1_000_000L;

    private final LongSupplier clock;
    private long lookedAt = Long.MIN_VALUE;

    DueAdverts(LongSupplier clock) {
        this.clock = clock;
    }

    /** After a transition: sends the due adverts of {@code instances} if a slice has passed. */
    void afterTransition(VrrpInstance[] instances) {
        long now = clock.getAsLong();
        if (lookedAt != Long.MIN_VALUE && now - lookedAt < SLICE_NANOS) {
            return;
        }
        lookedAt = now;
        for (VrrpInstance i : instances) {
            i.sendAdvertIfDue(now);
        }
    }
}
