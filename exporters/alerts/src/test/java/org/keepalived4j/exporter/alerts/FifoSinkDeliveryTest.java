package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.fifo.FifoSinkProvider;
import org.keepalived4j.exporter.alerts.spool.Spool;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.NotifyFifoSettings;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/** The daemon's events, made alerts, through a spool into a notify FIFO nobody reads at first. */
class FifoSinkDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void whatWaitedForAReaderArrivesWholeAndInOrderOnceOneReads() throws Exception {
        Path fifo = dir.resolve("notify.fifo");
        GlobalSettings g = SampleStates.globals();
        GlobalSettings globals = new GlobalSettings(g.routerId(), g.mail(), false, false, false, false, false, null,
                false, false, "no", null, false, null, false,
                List.of(new NotifyFifoSettings("notify_fifo", fifo.toString(), null, null, null, "k.conf:2")));
        List<String> problems = new ArrayList<>();
        List<AlertSink> sinks = new FifoSinkProvider().create(globals, Settings.empty("keepalived4j_alerts"), problems);
        assertThat(problems).isEmpty();
        assertThat(sinks).hasSize(1);
        // the sample events are from 2024: an age limit that keeps them
        Spool spool = Spool.open(dir.resolve("spool"), 64L << 20, Duration.ofDays(36500), Clock.systemUTC());
        List<Alert> alerts = new ArrayList<>();
        AlertMapper mapper = new AlertMapper(SampleStates::daemon, alerts::add);
        Process reader = null;
        try (SinkDelivery delivery = new SinkDelivery(sinks.get(0), spool, Clock.systemUTC(), Duration.ofMillis(10),
                Duration.ofMillis(50))) {
            delivery.start();
            mapper.onEvent(1, new VrrpStateChanged(SampleStates.instance("VI_1", 51, VrrpState.MASTER),
                    VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW));
            mapper.onEvent(2, new SyncGroupStateChanged(SampleStates.syncGroup("SG_1", VrrpState.MASTER,
                    List.of("VI_1")), VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PRIORITY,
                    SampleStates.NOW));
            VirtualServerSettings s = SampleStates.virtualServerSettings(1, "10.0.0.1:80/tcp", "NAT", 1, null);
            VirtualServerSnapshot service = new VirtualServerSnapshot(s, true, false, false, IpvsStats.NONE, List.of());
            mapper.onEvent(3, new RealServerStateChanged(SampleStates.realServer("10.0.0.1:80/tcp", "10.2.0.1", 8080,
                    false), service, false, "TCP_CHECK", "connection refused", SampleStates.NOW));
            mapper.onEvent(4, new VirtualServerQuorumChanged(service, false, 0, SampleStates.NOW));
            alerts.forEach(delivery::offer);
            assertThat(alerts).hasSize(4);
            await().atMost(Duration.ofSeconds(30)).failFast(() -> delivery.status().sent() > 0)
                    .until(() -> delivery.status().retried() >= 3);
            assertThat(delivery.status().queued()).isEqualTo(4);

            Path out = dir.resolve("read.txt");
            reader = new ProcessBuilder("cat", fifo.toString()).redirectOutput(out.toFile()).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(out).size() == 4);
            String vs = "[" + s.address() + "]:tcp:" + s.port();
            assertThat(Files.readAllLines(out)).containsExactly(
                    "INSTANCE \"VI_1\" MASTER " + alerts.get(0).labels().get("priority"),
                    "GROUP \"SG_1\" MASTER 0",
                    "RS [10.2.0.1]:tcp:8080 " + vs + " DOWN",
                    "VS " + vs + " DOWN");
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery.status().queued() == 0);
        } finally {
            if (reader != null) {
                reader.destroyForcibly().waitFor();
            }
        }
        assertThat(fifo).as("made by the sink, removed at its close").doesNotExist();
    }
}
