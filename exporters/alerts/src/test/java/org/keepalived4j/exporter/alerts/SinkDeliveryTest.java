package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.spool.Spool;

class SinkDeliveryTest {

    @TempDir
    Path dir;

    /** A receiver that can be down: what it took, in order. */
    static final class Receiver implements AlertSink {
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean accepts(Alert alert) {
            return !alert.name().equals("ignored");
        }

        @Override
        public void deliver(Alert alert) throws Exception {
            if (alert.name().equals("never")) {
                throw new UndeliverableAlertException("no such program");
            }
            if (down.get()) {
                throw new java.io.IOException("connection refused");
            }
            received.add(alert.id());
        }
    }

    static Alert alert(String id, String name) {
        return new Alert(id, Instant.now(), "lb1", Alert.Kind.VRRP_INSTANCE, name, "BACKUP", "MASTER", "s", "b", true,
                Map.of());
    }

    private SinkDelivery delivery(Receiver receiver) throws Exception {
        Spool spool = Spool.open(dir, 64L << 20, Duration.ofDays(1), Clock.systemUTC());
        return new SinkDelivery(receiver, spool, Clock.systemUTC(), Duration.ofMillis(10), Duration.ofMillis(40));
    }

    @Test
    void retriesAFailingReceiverAndDeliversEverythingInOrderWhenItReturns() throws Exception {
        Receiver receiver = new Receiver();
        receiver.down.set(true);
        try (SinkDelivery d = delivery(receiver)) {
            d.start();
            for (int i = 0; i < 20; i++) {
                d.offer(alert("a" + i, "VI_1"));
            }
            d.offer(alert("skip", "ignored"));
            await().atMost(Duration.ofSeconds(30)).until(() -> d.status().retried() >= 3);
            assertThat(receiver.received).isEmpty();
            assertThat(d.status().queued()).isEqualTo(20);
            assertThat(d.status().lastError()).isEqualTo("connection refused");
            receiver.down.set(false);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 20);
            assertThat(receiver.received).containsExactly(java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> "a" + i).toArray(String[]::new));
            await().atMost(Duration.ofSeconds(30)).until(() -> d.status().queued() == 0);
            assertThat(d.status().sent()).isEqualTo(20);
            assertThat(d.status().lastError()).isNull();
        }
    }

    @Test
    void anUndeliverableAlertIsCountedDroppedAndNotRetriedAndTheNextGoesOut() throws Exception {
        Receiver receiver = new Receiver();
        try (SinkDelivery d = delivery(receiver)) {
            d.start();
            d.offer(alert("n1", "never"));
            d.offer(alert("n2", "VI_1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> d.status().queued() == 0);
            assertThat(receiver.received).containsExactly("n2");
            assertThat(d.status().failed()).isEqualTo(1);
            assertThat(d.status().dropped()).isEqualTo(1);
            assertThat(d.status().retried()).isZero();
            assertThat(d.status().sent()).isEqualTo(1);
        }
    }

    @Test
    void whatWasNotDeliveredBeforeAStopGoesOutAfterTheNextStart() throws Exception {
        Receiver receiver = new Receiver();
        receiver.down.set(true);
        try (SinkDelivery d = delivery(receiver)) {
            d.start();
            d.offer(alert("b1", "VI_1"));
            d.offer(alert("b2", "VI_1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> d.status().failed() >= 1);
        }
        receiver.down.set(false);
        try (SinkDelivery d = delivery(receiver)) {
            d.start();
            d.offer(alert("b3", "VI_1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 3);
            assertThat(receiver.received).containsExactly("b1", "b2", "b3");
        }
    }

    @Test
    void whatARouteHeldBackGoesOutAsOneSummaryAtTheLatestAtAStop() throws Exception {
        Receiver receiver = new Receiver();
        List<String> problems = new java.util.ArrayList<>();
        List<AlertRoute> routes = AlertRoute.parse(org.keepalived4j.model.TestSettings.block("keepalived4j_alerts",
                "route {", "sink test", "flap_damping 2 3600", "}"), problems);
        assertThat(problems).isEmpty();
        Spool spool = Spool.open(dir, 64L << 20, Duration.ofDays(1), Clock.systemUTC());
        try (SinkDelivery d = new SinkDelivery(receiver, new AlertGate("test", routes), spool, Clock.systemUTC(),
                Duration.ofMillis(10), Duration.ofMillis(40))) {
            d.start();
            for (int i = 0; i < 6; i++) {
                d.offer(alert("c" + i, "VI_1"));
            }
            d.tick(); // the window lasts an hour: nothing due yet
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 2);
            assertThat(d.status().held()).isEqualTo(4);
            assertThat(new AlertSinkBean(d::status).getHeld()).isEqualTo(4);
            d.flushHeld();
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 3);
            assertThat(receiver.received).containsExactly("c0", "c1", "c5-summary");
        }
    }
}
