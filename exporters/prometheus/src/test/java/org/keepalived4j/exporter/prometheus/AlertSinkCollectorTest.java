package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

class AlertSinkCollectorTest {

    /** The attributes the alerts exporter's AlertSink MBean has. */
    public interface SinkMXBean {
        long getSent();

        long getFailed();

        long getRetried();

        long getDropped();

        int getQueued();

        long getSpoolBytes();

        double getOldestUndeliveredSeconds();

        long getHeld();

        String getLastError();
    }

    record Sink(long getSent, long getFailed, int getQueued, String getLastError) implements SinkMXBean {
        @Override
        public long getRetried() {
            return getFailed;
        }

        @Override
        public long getDropped() {
            return 0;
        }

        @Override
        public long getSpoolBytes() {
            return 4096;
        }

        @Override
        public double getOldestUndeliveredSeconds() {
            return getQueued > 0 ? 12.5 : 0;
        }

        @Override
        public long getHeld() {
            return getSent * 2;
        }
    }

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
        server.registerMBean(new StandardMBean(new Sink(7, 0, 0, ""), SinkMXBean.class, true),
                new ObjectName("keepalived:type=AlertSink,name=\"email\""));
        server.registerMBean(new StandardMBean(new Sink(1, 3, 2, "connection refused"), SinkMXBean.class, true),
                new ObjectName("keepalived:type=AlertSink,name=\"webhook-ops\""));
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
