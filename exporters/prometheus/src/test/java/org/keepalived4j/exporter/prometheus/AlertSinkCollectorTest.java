package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class AlertSinkCollectorTest {

    private static double value(MetricSnapshots all, String name, String sink) {
        for (MetricSnapshot m : all) {
            if (m.getMetadata().getPrometheusName().equals(name)) {
                for (DataPointSnapshot p : m.getDataPoints()) {
                    if (sink.equals(p.getLabels().get("sink"))) {
                        return p instanceof CounterSnapshot.CounterDataPointSnapshot c ? c.getValue()
                                : ((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue();
                    }
                }
            }
        }
        throw new AssertionError(name + "{sink=" + sink + "} missing");
    }

    @Test
    void readsEverySinkFromItsMBean() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        AlertSinkBeans.register(server, "email", new AlertSinkBeans.Sink(7, 0, 0, ""));
        AlertSinkBeans.register(server, "webhook-ops", new AlertSinkBeans.Sink(1, 3, 2, "connection refused"));
        MetricSnapshots all = new AlertSinkCollector(server).collect();
        assertThat(value(all, "keepalived4j_alert_sink_sent", "email")).isEqualTo(7);
        assertThat(value(all, "keepalived4j_alert_sink_failing", "email")).isZero();
        assertThat(value(all, "keepalived4j_alert_sink_failed", "webhook-ops")).isEqualTo(3);
        assertThat(value(all, "keepalived4j_alert_sink_queued", "webhook-ops")).isEqualTo(2);
        assertThat(value(all, "keepalived4j_alert_sink_oldest_undelivered_seconds", "webhook-ops")).isEqualTo(12.5);
        assertThat(value(all, "keepalived4j_alert_sink_spool_bytes", "webhook-ops")).isEqualTo(4096);
        assertThat(value(all, "keepalived4j_alert_sink_failing", "webhook-ops")).isEqualTo(1);
        assertThat(value(all, "keepalived4j_alert_sink_held", "email")).isEqualTo(14);
    }

    @Test
    void noSinkNoSeries() {
        assertThat(new AlertSinkCollector(MBeanServerFactory.newMBeanServer()).collect()).isEmpty();
    }
}
