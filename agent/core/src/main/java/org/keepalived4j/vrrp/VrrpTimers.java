package org.keepalived4j.vrrp;

/**
 * The VRRP timer arithmetic, in microseconds and with keepalived 2.2.7's integer rounding, so that
 * a mixed cluster elects a master at the same moments.
 *
 * <p>RFC 3768 (VRRPv2) section 6.1: {@code Skew_Time = (256 - Priority) / 256} seconds and
 * {@code Master_Down_Interval = 3 * Advertisement_Interval + Skew_Time}. RFC 5798 (VRRPv3)
 * section 6.1: {@code Skew_Time = ((256 - Priority) * Master_Adver_Interval) / 256} and
 * {@code Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time}, in centiseconds, where a
 * backup takes {@code Master_Adver_Interval} from the master's advertisements (section 6.4.2).
 *
 * <p>How keepalived differs from the letter of the RFCs:
 * <ul>
 *   <li>It keeps microseconds: the v2 skew is {@code (256 - p) * 1000000 / 256} and the v3 skew
 *       {@code (256 - p) * centiseconds * 625 / 16}, each truncated to a whole microsecond, not
 *       to a whole second or centisecond.
 *   <li>{@code Priority} is the effective priority (after {@code track_*} weights).
 *   <li>The factor 3 is {@code down_timer_adverts} (1-100, default 3, {@code vrrp_down_timer_adverts}
 *       globally; {@code strict_mode} forces 3).
 *   <li>keepalived holds the result in a 32-bit unsigned integer, which wraps for VRRPv2 above
 *       about 4295 s (for instance 100 adverts of 43 s); these methods compute in {@code long} and
 *       do not reproduce the wrap.
 * </ul>
 * Where keepalived uses the results: a backup's down timer is {@link #masterDownIntervalMicros};
 * on a priority-0 advertisement it becomes {@link #skewTimeMicros} (RFC 3768 6.4.2, RFC 5798
 * 6.4.2); an address owner starting up waits one interval plus the skew
 * ({@code masterDownIntervalMicros} with one advert); a backup that wants to become master (a
 * sync group, a reload) waits one interval plus {@link #minimumSkewMicros}.
 */
public final class VrrpTimers {

    /** keepalived's default {@code down_timer_adverts}: the RFCs' 3. */
    public static final int DEFAULT_DOWN_TIMER_ADVERTS = 3;
    /** keepalived's default {@code advert_int}: 1 second (RFC 3768 5.3.7). */
    public static final long DEFAULT_ADVERT_INTERVAL_MICROS = 1_000_000L;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_CENTISECOND = 10_000L;

    private VrrpTimers() {
    }

    /**
     * Skew_Time in microseconds (keepalived's {@code VRRP_TIMER_SKEW}).
     *
     * @param version 2 or 3
     * @param priority the effective priority, 0-255
     * @param masterAdvertIntervalMicros Master_Adver_Interval; ignored for VRRPv2, whose skew does
     *     not depend on the interval
     */
    public static long skewTimeMicros(int version, int priority, long masterAdvertIntervalMicros) {
        checkPriority(priority);
        return skew(version, 256 - priority, masterAdvertIntervalMicros);
    }

    /**
     * The skew of the highest priority, keepalived's {@code VRRP_TIMER_SKEW_MIN}: the extra wait
     * of a backup that wants to become master beyond one advertisement interval.
     */
    public static long minimumSkewMicros(int version, long masterAdvertIntervalMicros) {
        return skew(version, 1, masterAdvertIntervalMicros);
    }

    /**
     * Master_Down_Interval in microseconds (keepalived's {@code VRRP_MS_DOWN_TIMER}):
     * {@code downTimerAdverts * masterAdvertInterval + skew}.
     *
     * @param downTimerAdverts {@code down_timer_adverts}, 1-100
     */
    public static long masterDownIntervalMicros(int version, int priority, long masterAdvertIntervalMicros,
            int downTimerAdverts) {
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("down_timer_adverts must be 1-100, not " + downTimerAdverts);
        }
        return downTimerAdverts * masterAdvertIntervalMicros
                + skewTimeMicros(version, priority, masterAdvertIntervalMicros);
    }

    /**
     * The advertisement interval keepalived actually uses for a configured {@code advert_int}:
     * 0 (unset) means 1 s; VRRPv2 rounds to the nearest whole second (half up), at least 1 s and
     * at most 255 s; VRRPv3 rounds to the nearest centisecond (half up), at least 10 ms and at
     * most 40.95 s. keepalived reports a config warning whenever this changes the value.
     */
    public static long effectiveAdvertIntervalMicros(int version, long configuredMicros) {
        checkVersion(version);
        if (configuredMicros < 0) {
            throw new IllegalArgumentException("negative advert_int: " + configuredMicros);
        }
        if (configuredMicros == 0) {
            return DEFAULT_ADVERT_INTERVAL_MICROS;
        }
        long unit = version == 2 ? MICROS_PER_SECOND : MICROS_PER_CENTISECOND;
        long limit = version == 2 ? 256 : 4096;
        long rounded = (configuredMicros + unit / 2) / unit * unit;
        // keepalived clamps before rounding, so a VRRPv3 advert_int of 40.955-40.959 s becomes
        // 4096 cs, which its packets carry as 0 (12 bits); clamping after rounding avoids that.
        return Math.max(unit, Math.min(rounded, (limit - 1) * unit));
    }

    private static long skew(int version, int weight, long masterAdvertIntervalMicros) {
        checkVersion(version);
        if (version == 2) {
            return weight * MICROS_PER_SECOND / 256;
        }
        if (masterAdvertIntervalMicros < 0) {
            throw new IllegalArgumentException("negative interval: " + masterAdvertIntervalMicros);
        }
        return weight * (masterAdvertIntervalMicros / MICROS_PER_CENTISECOND) * 625 / 16;
    }

    private static void checkVersion(int version) {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("VRRP version must be 2 or 3, not " + version);
        }
    }

    private static void checkPriority(int priority) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must be 0-255, not " + priority);
        }
    }
}
