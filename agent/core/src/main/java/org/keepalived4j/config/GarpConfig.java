package org.keepalived4j.config;

/**
 * When gratuitous ARPs / unsolicited NAs are sent (global {@code vrrp_garp_*} defaults,
 * overridden per instance by {@code garp_*}).
 *
 * @param masterDelayMicros delay before the second burst after becoming MASTER; 0: no second burst (default 5 s)
 * @param masterRepeat messages per burst after becoming MASTER (default 5)
 * @param lowerPrioDelayMicros delay before the second burst after a lower-priority advert while MASTER
 * @param lowerPrioRepeat messages per burst after a lower-priority advert while MASTER
 * @param masterRefreshMicros interval of periodic refresh bursts while MASTER; 0: none (default)
 * @param masterRefreshRepeat messages per refresh burst (default 1)
 * @param extraIfMicros interval of periodic bursts on other interfaces carrying VIPs; 0: none
 * @param extraIfAll whether {@code garp_extra_if all} was given (all interfaces, not just VMACs)
 */
public record GarpConfig(long masterDelayMicros, int masterRepeat, long lowerPrioDelayMicros, int lowerPrioRepeat,
        long masterRefreshMicros, int masterRefreshRepeat, long extraIfMicros, boolean extraIfAll) {

    /** keepalived's defaults. */
    public static final GarpConfig DEFAULTS = new GarpConfig(5_000_000, 5, 5_000_000, 5, 0, 1, 0, false);
}
