package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.model.LogCapture;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

class QueuedSinkTest {

    /** Delivers nothing until released (or closed), then records what it delivers. */
    private static final class HeldDelivery implements QueuedSink.Delivery {

        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(Notification n) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            delivered.add(((Integer32) n.varbinds().get(0).getVariable()).getValue());
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    private static Notification numbered(int i) {
        return new Notification(new OID("1.3.6.1.4.1.9586.100.5.0.1"),
                List.of(new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.1.3.0"), new Integer32(i))));
    }

    private static RepeatedLog log() {
        return new RepeatedLog(LoggerFactory.getLogger(QueuedSinkTest.class), Clock.systemUTC(), Duration.ofMinutes(1));
    }

    @Test
    void sendNeverWaitsForTheReceiverAndDropsTheOldest() {
        HeldDelivery held = new HeldDelivery();
        QueuedSink sink = new QueuedSink("test", held, 10, log());
        try (LogCapture captured = new LogCapture()) {
            for (int i = 0; i < 100; i++) {
                sink.send(numbered(i)); // would hang the test if send() waited for the held delivery
            }
            // the sink's thread may or may not have taken the first one before the queue filled
            assertThat(sink.dropped()).isBetween(89L, 90L);
            assertThat(captured.text()).containsOnlyOnce("SNMP notification to test dropped");
            held.release.countDown();
            await().atMost(30, TimeUnit.SECONDS).until(() -> held.delivered.size() >= 10);
            assertThat(held.delivered.subList(held.delivered.size() - 10, held.delivered.size()))
                    .containsExactly(90, 91, 92, 93, 94, 95, 96, 97, 98, 99);
        } finally {
            sink.close();
        }
    }

    @Test
    void closeLetsTheQueueDrainThenGivesUpOnAStuckDelivery() {
        HeldDelivery held = new HeldDelivery();
        QueuedSink sink = new QueuedSink("stuck", held, 10, log());
        sink.send(numbered(1));
        sink.send(numbered(2));
        long t0 = System.nanoTime();
        sink.close(); // waits QueuedSink.DRAIN, then closes the delivery, which releases it
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        sink.send(numbered(3)); // ignored once closed
        assertThat(held.delivered).doesNotContain(3);
    }
}
