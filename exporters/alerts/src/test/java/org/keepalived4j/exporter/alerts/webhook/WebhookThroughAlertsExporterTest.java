package org.keepalived4j.exporter.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.AlertsExporter;
import org.keepalived4j.exporter.alerts.JsonReader;
import org.keepalived4j.exporter.alerts.SinkStatus;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/** The webhook sink as the daemon runs it: found by ServiceLoader, fed from events, through the spool, retried. */
class WebhookThroughAlertsExporterTest {

    @TempDir
    Path spool;

    /**
     * Hands events to listeners with their sequence numbers, as the daemon's event log does. Its
     * global_defs name no SMTP server, so the email sink stays out and nothing leaves loopback.
     */
    static final class Events implements StateView {
        final List<StateListener> listeners = new CopyOnWriteArrayList<>();
        final StateSnapshot snapshot;

        Events() throws Exception {
            StateSnapshot sample = SampleStates.small();
            GlobalSettings globals = sample.daemon().settings();
            MailSettings noServer = with(globals.mail(), "server", null);
            snapshot = with(sample, "daemon", with(sample.daemon(), "settings", with(globals, "mail", noServer)));
        }

        @Override
        public StateSnapshot current() {
            return snapshot;
        }

        @Override
        public AutoCloseable subscribe(StateListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void emit(long sequence, VrrpStateChanged event) {
            listeners.forEach(l -> l.onEvent(sequence, event));
        }
    }

    @Test
    void anAlertReachesTheReceiverAfterARefusalWithTheSameIdempotencyKey() throws Exception {
        try (Receiver receiver = Receiver.http().answering(new Receiver.Answer(503, "busy"))) {
            Events events = new Events();
            AlertsExporter exporter = new AlertsExporter();
            try {
                exporter.start(new TestExporterContext(events, MBeanServerFactory.newMBeanServer(), Clock.systemUTC(),
                        TestSettings.block("keepalived4j_alerts", "spool_dir " + spool, "retry_initial 0.05",
                                "retry_max 0.2", "webhook ops {", "url " + receiver.url("http", "/hook"),
                                "mail_only", "}")));
                assertThat(exporter.status()).extracting(SinkStatus::sink).containsExactly("webhook-ops");
                events.emit(7, new VrrpStateChanged(SampleStates.instance("VI_1", 51, VrrpState.MASTER),
                        VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, Instant.now()));
                Receiver.Request refused = receiver.next();
                Receiver.Request delivered = receiver.next();
                String id = SampleStates.daemon().started().toEpochMilli() + "-4242-7";
                assertThat(refused.header("Idempotency-Key")).isEqualTo(id);
                assertThat(delivered.header("Idempotency-Key")).isEqualTo(id);
                assertThat(JsonReader.object(delivered.body())).containsEntry("id", id)
                        .containsEntry("subject", "[lb1] VRRP Instance VI_1 - Entering MASTER state");
                await().atMost(Duration.ofSeconds(30)).until(() -> status(exporter).sent() == 1);
                SinkStatus s = status(exporter);
                assertThat(s.retried()).isGreaterThanOrEqualTo(1);
                assertThat(s.lastError()).isNull();
                assertThat(s.queued()).isZero();
                assertThat(spool.resolve("webhook-ops")).isDirectory();
            } finally {
                exporter.close();
            }
        }
    }

    /** A copy of a record with one component changed. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String component, Object value) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            found |= components[i].getName().equals(component);
            values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
        }
        assertThat(found).as("%s has a component %s", record.getClass().getSimpleName(), component).isTrue();
        return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    private static SinkStatus status(AlertsExporter exporter) {
        return exporter.status().stream().filter(s -> s.sink().equals("webhook-ops")).findFirst().orElseThrow();
    }
}
