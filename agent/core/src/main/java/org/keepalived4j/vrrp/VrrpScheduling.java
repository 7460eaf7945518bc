package org.keepalived4j.vrrp;

import java.util.BitSet;
import org.keepalived4j.config.SchedulingConfig;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.linux.ThreadScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Schedules the VRRP loop thread as keepalived schedules its VRRP process: {@code vrrp_rt_priority}
 * (SCHED_RR), else {@code vrrp_priority} (nice); {@code vrrp_cpu_affinity}; {@code vrrp_no_swap}.
 * Applied from the loop thread when it starts and again on every reload, so that a reload puts
 * back what the new configuration says.
 *
 * <p>As in keepalived, the thread starts (and reloads) under normal scheduling and goes
 * real-time once its instances are set up: setting up hundreds of instances is work that does
 * not sleep.
 *
 * <p>{@code vrrp_rlimit_rttime}: keepalived sets RLIMIT_RTTIME, logs at half of it and is
 * killed at the limit, and its parent starts a new VRRP process, real-time again. Here the VRRP
 * thread shares its process with everything else, so the limit is not fatal: past it, the
 * SIGXCPU handler logs and puts the thread back to normal scheduling, and the loop makes it
 * real-time again a second later.
 *
 * <p>{@code max_auto_priority}: as keepalived, when the loop wakes more than
 * {@code min_auto_priority_delay} after a timer was due, it logs how late and raises its own
 * priority: to real-time (SCHED_RR 1, with the {@code vrrp_rlimit_rttime} limit) from normal
 * scheduling, else one step, never past {@code max_auto_priority}. The raised priority stays
 * (through a reload, capped by the new maximum) until the daemon stops.
 */
final class VrrpScheduling {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpScheduling.class);
    private static final long RESUME_AFTER_NANOS = 1_000_000_000L;

    /** What the configuration asks for; the SIGXCPU handler's thread reads it too. */
    private volatile SchedulingConfig applied = SchedulingConfig.DEFAULT;
    private volatile int tid;
    private volatile boolean realtime;
    /** The SCHED_RR priority the thread has (or had before SIGXCPU demoted it); 0: none. */
    private volatile int priority;
    /** How far late timers have raised the priority; 0: not at all. */
    private volatile int autoPriority;
    /** When SIGXCPU put the thread back to normal scheduling (System.nanoTime()); 0: it did not. */
    private volatile long demotedAt;
    private BitSet originalCpus;
    private boolean locked;
    private boolean limitSet;
    private boolean handlerInstalled;

    /** Back to normal scheduling while a reload sets up instances; {@link #apply} follows. */
    void pause() {
        if (realtime) {
            toNormal(applied.nice());
        }
    }

    /**
     * After SIGXCPU: real-time again once a second has passed. Called from the loop on every
     * turn, so it reads the clock only while the thread is demoted.
     */
    void resume() {
        long at = demotedAt;
        if (at != 0 && System.nanoTime() - at >= RESUME_AFTER_NANOS && !realtime) {
            demotedAt = 0;
            int back = priority;
            if (back > 0 && toRealtime(applied, back)) {
                LOG.info("VRRP thread: real-time scheduling (SCHED_RR) at priority {}", back);
            }
        }
    }

    /** Whether {@link #late} needs calling: {@code max_auto_priority} is set. Loop thread. */
    boolean watchesLateness() {
        return applied.autoPriority();
    }

    /**
     * The loop woke {@code lateNanos} after its earliest timer was due (negative: before it).
     * Past {@code min_auto_priority_delay}, logs it and raises the priority one step. Loop thread.
     */
    void late(long lateNanos) {
        SchedulingConfig config = applied;
        if (!config.autoPriority() || lateNanos <= config.minAutoDelayMicros() * 1000) {
            return;
        }
        LOG.info("A thread timer expired {}.{} seconds ago", lateNanos / 1_000_000_000L,
                String.format("%06d", lateNanos % 1_000_000_000L / 1000));
        int next = realtime ? priority + 1 : 1;
        if (demotedAt != 0 || next > config.maxAutoPriority()) {
            // demoted for passing vrrp_rlimit_rttime: resume() restores the priority it had
            return;
        }
        autoPriority = next;
        if (toRealtime(config, next)) {
            LOG.info("Set realtime priority {}", next);
        }
    }

    /** Applies {@code config} to the calling thread, which must be the VRRP loop thread. */
    void apply(SchedulingConfig config) {
        tid = ThreadScheduling.currentThreadId();
        demotedAt = 0;
        SchedulingConfig previous = applied;
        applied = config;
        int raised = Math.min(autoPriority, config.maxAutoPriority());
        autoPriority = raised;
        int wanted = Math.max(config.realtimePriority(), raised);
        if (config.equals(previous) && realtime == (wanted > 0) && (wanted == 0 || priority == wanted)) {
            return;
        }
        cpus(config, previous);
        if (wanted > 0) {
            if (toRealtime(config, wanted)) {
                LOG.info("VRRP thread: real-time scheduling (SCHED_RR) at priority {}", wanted);
            }
        } else if (realtime || config.nice() != previous.nice()) {
            if (limitSet) {
                setLimit(0);
            }
            toNormal(config.nice());
            priority = 0;
        }
        memory(config.noSwap());
    }

    /** SCHED_RR at {@code rtPriority}, with the CPU limit; on failure normal scheduling. */
    private boolean toRealtime(SchedulingConfig config, int rtPriority) {
        if (installHandler()) {
            setLimit(config.realtimeLimitMicros());
        }
        try {
            ThreadScheduling.realtime(tid, rtPriority);
            priority = rtPriority;
            realtime = true;
            return true;
        } catch (SyscallException e) {
            LOG.warn("VRRP thread: cannot raise priority to real-time {}: {}{}", rtPriority, e.getMessage(),
                    e.errno() == Errno.EPERM ? " (needs CAP_SYS_NICE: the keepalived4j service gets it from a"
                            + " drop-in, see keepalived4j.service)" : "");
            toNormal(config.nice());
            priority = 0;
            return false;
        }
    }

    private void cpus(SchedulingConfig config, SchedulingConfig previous) {
        if (config.cpus().equals(previous.cpus())) {
            return;
        }
        try {
            if (originalCpus == null) {
                originalCpus = ThreadScheduling.affinity(tid);
            }
            BitSet wanted = originalCpus;
            if (!config.cpus().isEmpty()) {
                wanted = new BitSet();
                config.cpus().forEach(wanted::set);
            }
            ThreadScheduling.affinity(tid, wanted);
            LOG.info("VRRP thread: CPU affinity {}", wanted);
        } catch (SyscallException e) {
            LOG.warn("VRRP thread: cannot set CPU affinity to {}: {}", config.cpus(), e.getMessage());
        }
    }

    private void toNormal(int niceValue) {
        try {
            ThreadScheduling.normal(tid, niceValue);
            realtime = false;
            if (niceValue != 0) {
                LOG.info("VRRP thread: normal scheduling at nice {}", niceValue);
            }
        } catch (SyscallException e) {
            LOG.warn("VRRP thread: cannot set normal scheduling at nice {}: {}", niceValue, e.getMessage());
        }
    }

    private void setLimit(long micros) {
        try {
            ThreadScheduling.realtimeTimeLimit(micros);
            limitSet = micros != 0;
        } catch (SyscallException e) {
            LOG.warn("VRRP thread: cannot set the real-time CPU limit (RLIMIT_RTTIME): {}", e.getMessage());
        }
    }

    private void memory(boolean noSwap) {
        if (noSwap == locked) {
            return;
        }
        try {
            ThreadScheduling.lockMemory(noSwap);
            locked = noSwap;
            LOG.info(noSwap ? "process memory locked (vrrp_no_swap)" : "process memory unlocked");
        } catch (SyscallException e) {
            LOG.warn("Unable to {} process memory: {}", noSwap ? "lock" : "unlock", e.getMessage());
        }
    }

    /**
     * SIGXCPU is fatal unless handled: without a handler the limit is not set. The JVM runs a Java
     * signal handler on a thread of its own, so it can reschedule the VRRP thread at once.
     */
    private boolean installHandler() {
        if (!handlerInstalled) {
            try {
                Signal.handle(new Signal("XCPU"), s -> cpuLimitExceeded());
                handlerInstalled = true;
            } catch (IllegalArgumentException e) {
                LOG.warn("VRRP thread: SIGXCPU cannot be handled ({}); no real-time CPU limit", e.getMessage());
            }
        }
        return handlerInstalled;
    }

    /** SIGXCPU: the real-time thread ran past vrrp_rlimit_rttime without sleeping. */
    void cpuLimitExceeded() {
        if (!realtime) {
            return;
        }
        SchedulingConfig config = applied;
        LOG.warn("VRRP thread used more than {} us of CPU at real-time priority without sleeping; vrrp_rlimit_rttime"
                + " may need to be increased. Normal scheduling for a second", config.realtimeLimitMicros());
        toNormal(config.nice());
        demotedAt = System.nanoTime() | 1;
    }
}
