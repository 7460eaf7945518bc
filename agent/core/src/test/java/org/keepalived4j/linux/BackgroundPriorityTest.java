package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    private static int niceOf(Runnable before) throws InterruptedException {
        AtomicInteger nice = new AtomicInteger(Integer.MIN_VALUE);
        Thread t = BackgroundPriority.threads().newThread(() -> {
            before.run();
            nice.set(ThreadScheduling.nice(ThreadScheduling.currentThreadId()));
        });
        t.start();
        t.join();
        return nice.get();
    }

    @Test
    void backgroundThreadsRunNicerThanTheDaemonAndPassItOn() throws Exception {
        int own = ThreadScheduling.nice(ThreadScheduling.currentThreadId());
        assertThat(niceOf(() -> { })).isEqualTo(Math.max(own, BackgroundPriority.NICE));
        // a thread that a background thread starts (an exporter's server, a sender) inherits it
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);
        niceOf(() -> {
            Thread c = new Thread(() -> child.set(ThreadScheduling.nice(ThreadScheduling.currentThreadId())));
            c.start();
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(child.get()).isEqualTo(Math.max(own, BackgroundPriority.NICE));
        // and the thread that made them keeps its own
        assertThat(ThreadScheduling.nice(ThreadScheduling.currentThreadId())).isEqualTo(own);
    }
}
