package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The scheduling calls, read back from /proc as the kernel sees them (needs root: SCHED_RR, nice below 0). */
class ThreadSchedulingIT {

    /** Runs {@code work} on a thread of its own, which dies afterwards with whatever it was given. */
    private static <T> T onFreshThread(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        }, "scheduling-it");
        t.start();
        t.join();
        return result.get();
    }

    /** Fields of /proc/self/task/TID/stat, numbered as proc(5) numbers them (1 = pid). */
    private static String statField(int tid, int field) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        // the command name (field 2) is in parentheses and may contain spaces
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return rest[field - 3];
    }

    private static String statusLine(String file, String key) throws IOException {
        return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(key))
                .findFirst().orElseThrow().substring(key.length()).trim();
    }

    @Test
    void aThreadGoesRealTimeAndBackWithoutTouchingTheOthers() throws Exception {
        int me = ThreadScheduling.currentThreadId();
        String[] seen = onFreshThread(() -> {
            int tid = ThreadScheduling.currentThreadId();
            ThreadScheduling.realtime(tid, 10);
            String policy = statField(tid, 41);
            String rtPriority = statField(tid, 40);
            int reported = ThreadScheduling.policy(tid);
            ThreadScheduling.normal(tid, -5);
            return new String[] {policy, rtPriority, String.valueOf(reported), statField(tid, 41), statField(tid, 19),
                String.valueOf(ThreadScheduling.policy(tid))};
        });
        assertThat(seen).containsExactly("2", "10", "2", "0", "-5", "0");
        assertThat(statField(me, 41)).as("the calling thread's policy").isEqualTo("0");
        assertThat(statField(me, 19)).as("the calling thread's nice value").isEqualTo("0");
    }

    @Test
    void whatARealTimeThreadStartsRunsWithNormalScheduling() throws Exception {
        String childPolicy = onFreshThread(() -> {
            ThreadScheduling.realtime(ThreadScheduling.currentThreadId(), 10);
            Process p = new ProcessBuilder("sh", "-c", "cut -d' ' -f41 /proc/$$/stat").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return out;
        });
        assertThat(childPolicy).isEqualTo("0");
    }

    @Test
    void affinityIsPerThread() throws Exception {
        BitSet all = ThreadScheduling.affinity(ThreadScheduling.currentThreadId());
        String[] seen = onFreshThread(() -> {
            int tid = ThreadScheduling.currentThreadId();
            BitSet cpu0 = new BitSet();
            cpu0.set(0);
            ThreadScheduling.affinity(tid, cpu0);
            return new String[] {statusLine("/proc/self/task/" + tid + "/status", "Cpus_allowed_list:"),
                ThreadScheduling.affinity(tid).toString()};
        });
        assertThat(seen).containsExactly("0", "{0}");
        assertThat(ThreadScheduling.affinity(ThreadScheduling.currentThreadId())).isEqualTo(all);
        assertThat(all.cardinality()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theRealTimeLimitIsASoftLimitAndCanBeLifted() throws Exception {
        try {
            ThreadScheduling.realtimeTimeLimit(25_000);
            assertThat(statusLine("/proc/self/limits", "Max realtime timeout")).startsWith("25000").endsWith("us");
        } finally {
            ThreadScheduling.realtimeTimeLimit(0);
        }
        assertThat(statusLine("/proc/self/limits", "Max realtime timeout")).startsWith("unlimited");
    }

    @Test
    void lockedMemoryShowsInTheProcessStatus() throws Exception {
        try {
            ThreadScheduling.lockMemory(true);
            assertThat(Long.parseLong(statusLine("/proc/self/status", "VmLck:").split(" ")[0])).isPositive();
        } finally {
            ThreadScheduling.lockMemory(false);
        }
        assertThat(statusLine("/proc/self/status", "VmLck:")).isEqualTo("0 kB");
    }
}
