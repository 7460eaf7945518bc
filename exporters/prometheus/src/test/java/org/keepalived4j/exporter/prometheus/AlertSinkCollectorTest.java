package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;

class AlertSinkCollectorTest {

    private static final FakeStateView EMPTY = new FakeStateView(new StateSnapshot(SampleStates.daemon(), List.of(),
            List.of(), List.of(), List.of()));

    private static String scrape(MBeanServer server) throws IOException {
        return GoldenScrapeTest.scrape(new MetricsEndpoint(EMPTY, false, true, new AlertSinkCollector(server)), false);
    }

    private static double value(String scrape, String name, String sink) {
        String prefix = name + "{sink=\"" + sink + "\"} ";
        return scrape.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()))).findFirst().orElseThrow(() -> new AssertionError(prefix + "missing"));
    }

    @Test
    void readsEverySinkFromItsMBean() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AlertSinkBeans.register(server, "email", new AlertSinkBeans.Sink(7, 0, 0, ""));
        AlertSinkBeans.register(server, "webhook-ops", new AlertSinkBeans.Sink(1, 3, 2, "connection refused"));
        String all = scrape(server);
        assertThat(value(all, "keepalived4j_alert_sink_sent_total", "email")).isEqualTo(7);
        assertThat(value(all, "keepalived4j_alert_sink_failing", "email")).isZero();
        assertThat(value(all, "keepalived4j_alert_sink_failed_total", "webhook-ops")).isEqualTo(3);
        assertThat(value(all, "keepalived4j_alert_sink_queued", "webhook-ops")).isEqualTo(2);
        assertThat(value(all, "keepalived4j_alert_sink_oldest_undelivered_seconds", "webhook-ops")).isEqualTo(12.5);
        assertThat(value(all, "keepalived4j_alert_sink_spool_bytes", "webhook-ops")).isEqualTo(4096);
        assertThat(value(all, "keepalived4j_alert_sink_failing", "webhook-ops")).isEqualTo(1);
        assertThat(value(all, "keepalived4j_alert_sink_held_total", "email")).isEqualTo(14);
    }

    @Test
    void noSinkNoSeries() throws Exception {
        assertThat(scrape(MBeanServerFactory.newMBeanServer())).doesNotContain("keepalived4j_alert_sink")
                .contains("keepalived_up 1.0");
    }
}
