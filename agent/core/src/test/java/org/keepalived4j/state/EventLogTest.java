package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.BackgroundPriority;
import org.keepalived4j.linux.ThreadScheduling;
import org.keepalived4j.model.DaemonStopping;
import org.keepalived4j.model.EventsMissed;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.TopologyChanged;

class EventLogTest {

    private final EventLog log = new EventLog(16, Clock.systemUTC());

    @AfterEach
    void close() {
        log.close(Duration.ofSeconds(5));
    }

    /** Records every event with its sequence number; blocks while {@code gate} is closed. */
    private static final class Recorder implements StateListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;

        Recorder(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void onEvent(long sequence, StateEvent event) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event instanceof EventsMissed m) {
                seen.add("missed " + m.first() + "-" + m.last());
            } else if (event instanceof TopologyChanged t) {
                seen.add(sequence + " " + t.cause());
            } else {
                seen.add(sequence + " " + event.getClass().getSimpleName());
            }
        }
    }

    private static TopologyChanged event(int i) {
        return new TopologyChanged("e" + i, Instant.EPOCH);
    }

    /** Records the nice value of the thread it is called on. */
    private static StateListener niceRecorder(java.util.Map<String, Integer> nice, String name) {
        return new StateListener() {
            @Override
            public void onEvent(long sequence, StateEvent event) {
                nice.put(name, ThreadScheduling.nice(ThreadScheduling.currentThreadId()));
            }
        };
    }

    @Test
    void aBackgroundSubscriberRunsAtTheBackgroundPriorityAndAnOtherAtTheDaemons() {
        java.util.Map<String, Integer> nice = new java.util.concurrent.ConcurrentHashMap<>();
        int own = ThreadScheduling.nice(ThreadScheduling.currentThreadId());
        log.subscribe(niceRecorder(nice, "exporter"), "exporter", false, true);
        log.subscribe(niceRecorder(nice, "scripts"), "scripts", false, false);
        log.emit(event(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> nice.size() == 2);
        assertThat(nice).containsEntry("exporter", Math.max(own, BackgroundPriority.NICE))
                .containsEntry("scripts", own);
    }

    @Test
    void emittersOnTwoThreadsAndThreeReadersLoseNothingAndKeepOneOrder() throws Exception {
        EventLog big = new EventLog(100_000, Clock.systemUTC());
        List<Recorder> recorders = List.of(new Recorder(new CountDownLatch(0)), new Recorder(new CountDownLatch(0)),
                new Recorder(new CountDownLatch(0)));
        for (int i = 0; i < recorders.size(); i++) {
            big.subscribe(recorders.get(i), "r" + i, false, i == 0);
        }
        Thread a = new Thread(() -> {
            for (int i = 0; i < 5_000; i++) {
                big.emit(event(i));
            }
        });
        Thread b = new Thread(() -> {
            for (int i = 5_000; i < 10_000; i++) {
                big.emit(event(i));
            }
        });
        a.start();
        b.start();
        a.join();
        b.join();
        big.close(Duration.ofSeconds(30));
        for (Recorder r : recorders) {
            assertThat(r.seen).hasSize(10_000);
            assertThat(r.seen).isEqualTo(recorders.get(0).seen);
            for (int i = 0; i < r.seen.size(); i++) {
                assertThat(r.seen.get(i)).startsWith((i + 1) + " ");
            }
        }
    }

    /**
     * The old wake-up went through the log's monitor whenever a reader waited: a reader at the
     * background priority holding it, preempted, held up the VRRP thread's emit. Nothing a reader
     * (or anyone) holds may stand in an emit's way; here the monitor is held for the whole emit.
     */
    @Test
    void anEmitNeverWaitsForALockAReaderCouldHold() throws Exception {
        Recorder idle = new Recorder(new CountDownLatch(0));
        log.subscribe(idle, "idle");
        log.emit(event(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.seen.size() == 1);
        // the reader has read everything and waits for more
        await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(th -> th.getName().equals("events-idle") && th.getState() == Thread.State.WAITING));
        Thread emitter = new Thread(() -> log.emit(event(2)), "emitter");
        synchronized (log) {
            emitter.start();
            emitter.join(30_000);
            assertThat(emitter.isAlive()).as("emit waited for the log's monitor").isFalse();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.seen.size() == 2);
        assertThat(idle.seen).containsExactly("1 e1", "2 e2");
    }

    @Test
    void numbersEventsFromOneAndDeliversThemInOrderToEachSubscriber() {
        Recorder a = new Recorder(new CountDownLatch(0));
        Recorder b = new Recorder(new CountDownLatch(0));
        log.subscribe(a, "a");
        log.subscribe(b, "b");
        for (int i = 1; i <= 10; i++) {
            log.emit(event(i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.seen.size() == 10 && b.seen.size() == 10);
        assertThat(a.seen).startsWith("1 e1", "2 e2").endsWith("10 e10");
        assertThat(b.seen).isEqualTo(a.seen);
        assertThat(log.lastSequence()).isEqualTo(10);
    }

    @Test
    void aSubscriberStartsWithTheEventsAfterItSubscribed() {
        log.emit(event(1));
        Recorder late = new Recorder(new CountDownLatch(0));
        log.subscribe(late, "late");
        log.emit(event(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> late.seen.size() == 1);
        assertThat(late.seen).containsExactly("2 e2");
    }

    @Test
    void aSubscriberFromTheStartGetsWhatTheLogStillHoldsAndIsToldWhatItNoLongerDoes() {
        log.emit(event(1));
        log.emit(event(2));
        Recorder early = new Recorder(new CountDownLatch(0));
        log.subscribe(early, "early", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> early.seen.size() == 2);
        assertThat(early.seen).containsExactly("1 e1", "2 e2");
        for (int i = 3; i <= 40; i++) {
            log.emit(event(i));
        }
        Recorder late = new Recorder(new CountDownLatch(0));
        log.subscribe(late, "late", true);
        await().atMost(Duration.ofSeconds(10)).until(() -> late.seen.contains("40 e40"));
        // a ring of 16 holds events 25 to 40
        assertThat(late.seen).startsWith("missed 1-24", "25 e25").hasSize(17);
    }

    @Test
    void aSubscriberThatFallsBehindIsToldWhatItMissedAndNobodyWaitsForIt() {
        CountDownLatch stuck = new CountDownLatch(1);
        Recorder slow = new Recorder(stuck);
        Recorder fast = new Recorder(new CountDownLatch(0));
        log.subscribe(slow, "slow");
        log.subscribe(fast, "fast");
        for (int i = 1; i <= 100; i++) {
            log.emit(event(i)); // never blocks, whatever the slow one does
        }
        // the other subscriber reaches the end meanwhile (missing some too if the emitter outran it)
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.seen.contains("100 e100"));
        assertThat(slow.seen).isEmpty();
        stuck.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.seen.contains("100 e100"));
        // it got stuck on its first event (1, or a later one if the emitter had already lapped the
        // ring, which it is then told); the ring holds the last 16 (85 to 100): what it had not
        // read before those is missed
        String missed = slow.seen.stream().filter(l -> l.startsWith("missed")).reduce((a, b) -> b).orElseThrow();
        assertThat(missed).endsWith("-84");
        assertThat(slow.seen).endsWith("missed " + missed.substring(7), "85 e85", "86 e86", "87 e87", "88 e88",
                "89 e89", "90 e90", "91 e91", "92 e92", "93 e93", "94 e94", "95 e95", "96 e96", "97 e97", "98 e98",
                "99 e99", "100 e100");
    }

    @Test
    void closeLetsEverySubscriberReadToTheEndOfTheLog() {
        Recorder r = new Recorder(new CountDownLatch(0));
        log.subscribe(r, "r");
        for (int i = 1; i <= 10; i++) {
            log.emit(event(i));
        }
        log.emit(new DaemonStopping(Instant.EPOCH));
        log.close(Duration.ofSeconds(30));
        assertThat(r.seen).hasSize(11).endsWith("11 DaemonStopping");
        log.emit(event(12));
        assertThat(log.lastSequence()).as("nothing is taken after close").isEqualTo(11);
    }

    @Test
    void closeGivesUpOnAStuckSubscriberAfterItsBound() {
        Recorder stuck = new Recorder(new CountDownLatch(1));
        log.subscribe(stuck, "stuck");
        log.emit(event(1));
        long start = System.nanoTime();
        log.close(Duration.ofMillis(200));
        // it returns: the bound is what the daemon's stop waits at most (plus the thread's own exit)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(stuck.seen).isEmpty();
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() throws Exception {
        Recorder r = new Recorder(new CountDownLatch(0));
        AutoCloseable sub = log.subscribe(r, "r");
        log.emit(event(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> r.seen.size() == 1);
        sub.close();
        log.emit(event(2));
        log.close(Duration.ofSeconds(5));
        assertThat(r.seen).containsExactly("1 e1");
    }
}
