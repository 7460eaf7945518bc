package org.keepalived4j.linux;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CPU priority of work that must yield to the VRRP thread: the exporters' threads (SNMP
 * traps and informs, alert delivery, their event readers) run at nice {@value #NICE}, so that
 * when a burst of transitions keeps every CPU busy, the adverts go out first and the
 * notifications of the burst after. A thread already nicer than that keeps its value; where the
 * kernel refuses, the thread keeps running as it is (logged once).
 */
public final class BackgroundPriority {

    /** The nice value background work runs at. */
    public static final int NICE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final AtomicBoolean REFUSED = new AtomicBoolean();

    private BackgroundPriority() {
    }

    /** Lowers the calling thread's priority to background work's. */
    public static void lowerCurrentThread() {
        try {
            int tid = ThreadScheduling.currentThreadId();
            if (ThreadScheduling.nice(tid) < NICE) {
                ThreadScheduling.nice(tid, NICE);
            }
        } catch (SyscallException | LinkageError | RuntimeException e) {
            if (REFUSED.compareAndSet(false, true)) {
                LOG.info("background threads keep the daemon's priority: {}", e.toString());
            }
        }
    }

    /** Daemon threads named {@code name-N} that lower their priority when they start. */
    public static ThreadFactory threads() {
        return r -> new Thread(() -> {
            lowerCurrentThread();
            r.run();
        });
    }
}
