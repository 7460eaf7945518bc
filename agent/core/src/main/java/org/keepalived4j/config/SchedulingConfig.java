package org.keepalived4j.config;

import java.util.List;

/**
 * How the VRRP engine's thread is scheduled: keepalived's {@code vrrp_rt_priority},
 * {@code vrrp_rlimit_rttime}, {@code vrrp_priority}, {@code vrrp_cpu_affinity},
 * {@code vrrp_no_swap}, {@code max_auto_priority} and {@code min_auto_priority_delay}, which
 * keepalived applies to its VRRP process and keepalived4j to the one thread that runs every VRRP
 * instance.
 *
 * @param realtimePriority SCHED_RR priority 1-99, or 0 for normal scheduling
 * @param realtimeLimitMicros with real-time scheduling, the CPU time the thread may use without
 *     sleeping before it is warned about and put back to normal scheduling (default 10,000 µs)
 * @param nice the nice value (-20..19) under normal scheduling, 0 when not set
 * @param cpus the CPUs the thread may run on; empty: those of the process
 * @param noSwap lock the daemon's memory (a JVM's threads share it, so the whole process)
 * @param maxAutoPriority 0: off; else, each time the thread runs a timer more than
 *     {@code minAutoDelayMicros} late, it goes real-time (SCHED_RR 1) or one priority higher, up
 *     to this
 * @param minAutoDelayMicros how late a timer may run before the priority is raised (default 1 s)
 */
public record SchedulingConfig(int realtimePriority, long realtimeLimitMicros, int nice, List<Integer> cpus,
        boolean noSwap, int maxAutoPriority, long minAutoDelayMicros) {

    /** The highest SCHED_RR priority (sched_get_priority_max(SCHED_RR) on Linux). */
    public static final int MAX_REALTIME_PRIORITY = 99;
    /** keepalived's default for {@code vrrp_rlimit_rttime}. */
    public static final long DEFAULT_REALTIME_LIMIT_MICROS = 10_000;
    /** keepalived's default for {@code min_auto_priority_delay}. */
    public static final long DEFAULT_MIN_AUTO_DELAY_MICROS = 1_000_000;

    /** Nothing configured: the thread is scheduled as the JVM starts it. */
    public static final SchedulingConfig DEFAULT =
            new SchedulingConfig(0, DEFAULT_REALTIME_LIMIT_MICROS, 0, List.of(), false, 0, DEFAULT_MIN_AUTO_DELAY_MICROS);

    public SchedulingConfig {
        if (realtimePriority < 0 || realtimePriority > MAX_REALTIME_PRIORITY || nice < -20 || nice > 19
                || realtimeLimitMicros < 1 || maxAutoPriority < 0 || maxAutoPriority > MAX_REALTIME_PRIORITY
                || minAutoDelayMicros < 1) {
            throw new IllegalArgumentException("bad scheduling: real-time priority " + realtimePriority + ", limit "
                    + realtimeLimitMicros + " us, nice " + nice + ", max auto priority " + maxAutoPriority
                    + ", min auto delay " + minAutoDelayMicros + " us");
        }
        cpus = List.copyOf(cpus);
    }

    /** The manual settings alone (no automatic raising), as most configurations have them. */
    public SchedulingConfig(int realtimePriority, long realtimeLimitMicros, int nice, List<Integer> cpus,
            boolean noSwap) {
        this(realtimePriority, realtimeLimitMicros, nice, cpus, noSwap, 0, DEFAULT_MIN_AUTO_DELAY_MICROS);
    }

    /** Whether late timers raise the thread's priority. */
    public boolean autoPriority() {
        return maxAutoPriority > 0;
    }

    /** Whether the thread runs under SCHED_RR. */
    public boolean realtime() {
        return realtimePriority > 0;
    }
}
