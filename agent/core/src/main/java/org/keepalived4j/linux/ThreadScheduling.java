package org.keepalived4j.linux;

import com.sun.jna.Memory;
import java.util.BitSet;

/**
 * Scheduling of one thread, by its kernel thread id: real-time (SCHED_RR) or normal scheduling
 * with a nice value, CPU affinity; and the process-wide limits that go with it (RLIMIT_RTTIME,
 * locked memory). Linux applies a policy, a nice value or an affinity given a thread id to that
 * thread alone, which is what lets one JVM thread run as keepalived's VRRP process does.
 */
public final class ThreadScheduling {

    /** SCHED_OTHER, the normal time-sharing policy. */
    public static final int SCHED_OTHER = 0;
    /** SCHED_RR, round-robin real-time. */
    public static final int SCHED_RR = 2;
    /** Children of the thread start with normal scheduling (scripts must not run real-time). */
    private static final int SCHED_RESET_ON_FORK = 0x4000_0000;
    private static final int PRIO_PROCESS = 0;
    private static final int RLIMIT_RTTIME = 15;
    private static final long RLIM_INFINITY = -1L;
    private static final int MCL_CURRENT = 1;
    private static final int MCL_FUTURE = 2;
    private static final int MCL_ONFAULT = 4;
    /** Room for 1,024 CPUs, glibc's cpu_set_t. */
    private static final int CPU_SET_BYTES = 128;

    private ThreadScheduling() {
    }

    /** gettid(): the calling thread's kernel id. */
    public static int currentThreadId() {
        return LibC.gettid();
    }

    /** SCHED_RR at {@code priority} (1-99) for thread {@code tid}; children it forks start normal. */
    public static void realtime(int tid, int priority) throws SyscallException {
        setScheduler(tid, SCHED_RR | SCHED_RESET_ON_FORK, priority);
    }

    /** Normal scheduling (SCHED_OTHER) for thread {@code tid}, at nice value {@code nice}. */
    public static void normal(int tid, int nice) throws SyscallException {
        setScheduler(tid, SCHED_OTHER, 0);
        NativeDescriptor.check(LibC.setpriority(PRIO_PROCESS, tid, nice), "setpriority(" + tid + ", " + nice + ")");
    }

    /** The nice value of thread {@code tid} (-20 to 19). */
    public static int nice(int tid) {
        return LibC.getpriority(PRIO_PROCESS, tid);
    }

    /** Sets the nice value of thread {@code tid}, its scheduling policy unchanged. */
    public static void nice(int tid, int nice) throws SyscallException {
        NativeDescriptor.check(LibC.setpriority(PRIO_PROCESS, tid, nice), "setpriority(" + tid + ", " + nice + ")");
    }

    /** The thread's policy ({@link #SCHED_OTHER}, {@link #SCHED_RR}...), without the reset-on-fork flag. */
    public static int policy(int tid) throws SyscallException {
        return NativeDescriptor.check(LibC.sched_getscheduler(tid), "sched_getscheduler(" + tid + ")")
                & ~SCHED_RESET_ON_FORK;
    }

    private static void setScheduler(int tid, int policy, int priority) throws SyscallException {
        try (Memory param = new Memory(4)) {
            param.setInt(0, priority);
            NativeDescriptor.check(LibC.sched_setscheduler(tid, policy, param), "sched_setscheduler(" + tid + ", "
                    + (policy & ~SCHED_RESET_ON_FORK) + ", " + priority + ")");
        }
    }

    /** The CPUs thread {@code tid} may run on. */
    public static BitSet affinity(int tid) throws SyscallException {
        try (Memory mask = new Memory(CPU_SET_BYTES)) {
            mask.clear();
            NativeDescriptor.check(LibC.sched_getaffinity(tid, CPU_SET_BYTES, mask), "sched_getaffinity(" + tid + ")");
            return BitSet.valueOf(mask.getByteArray(0, CPU_SET_BYTES));
        }
    }

    /** Lets thread {@code tid} run on {@code cpus} only. */
    public static void affinity(int tid, BitSet cpus) throws SyscallException {
        byte[] bytes = cpus.toByteArray();
        if (bytes.length > CPU_SET_BYTES) {
            throw new IllegalArgumentException("CPU " + cpus.length() + " is beyond " + CPU_SET_BYTES * 8);
        }
        try (Memory mask = new Memory(CPU_SET_BYTES)) {
            mask.clear();
            mask.write(0, bytes, 0, bytes.length);
            NativeDescriptor.check(LibC.sched_setaffinity(tid, CPU_SET_BYTES, mask),
                    "sched_setaffinity(" + tid + ", " + cpus + ")");
        }
    }

    /**
     * Sets the soft RLIMIT_RTTIME of the process: a real-time thread that uses {@code micros} of
     * CPU without sleeping gets the process a SIGXCPU, and another each further second. The hard
     * limit (a SIGKILL) is left as it is. {@code micros} 0 lifts the soft limit.
     */
    public static void realtimeTimeLimit(long micros) throws SyscallException {
        try (Memory limit = new Memory(16)) {
            NativeDescriptor.check(LibC.getrlimit(RLIMIT_RTTIME, limit), "getrlimit(RLIMIT_RTTIME)");
            long hard = limit.getLong(8);
            long soft = micros == 0 ? hard : hard == RLIM_INFINITY ? micros : Long.min(micros, hard);
            limit.setLong(0, soft);
            NativeDescriptor.check(LibC.setrlimit(RLIMIT_RTTIME, limit), "setrlimit(RLIMIT_RTTIME, " + micros + ")");
        }
    }

    /**
     * Locks the process's memory (what it has and what it maps later, each page as it is first
     * touched), or unlocks it.
     */
    public static void lockMemory(boolean lock) throws SyscallException {
        NativeDescriptor.check(lock ? LibC.mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) : LibC.munlockall(),
                lock ? "mlockall" : "munlockall");
    }
}
