package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.counter;
import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The alert sinks' delivery ({@code keepalived4j_alert_sink_*}), read at scrape time from their
 * MBeans ({@code keepalived:type=AlertSink,name=SINK}): the alerts exporter publishes its state
 * there, so neither exporter imports the other. No sink, no series.
 */
final class AlertSinkCollector implements MultiCollector {

    private static final String[] ATTRIBUTES = {"Sent", "Failed", "Retried", "Dropped", "Queued", "SpoolBytes",
        "OldestUndeliveredSeconds", "Held", "LastError"};

    private final MBeanServer mbeans;
    private final ObjectName pattern;

    AlertSinkCollector(MBeanServer mbeans) {
        this.mbeans = mbeans;
        try {
            this.pattern = new ObjectName("keepalived:type=AlertSink,*");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String sink, double[] values, boolean failing) {
    }

    @Override
    public MetricSnapshots collect() {
        List<Row> rows = new ArrayList<>();
        Set<ObjectName> names = new TreeSet<>(mbeans.queryNames(pattern, null));
        for (ObjectName name : names) {
            String sink = ObjectName.unquote(name.getKeyProperty("name"));
            try {
                AttributeList list = mbeans.getAttributes(name, ATTRIBUTES);
                double[] values = new double[ATTRIBUTES.length - 1];
                boolean failing = false;
                for (Attribute a : list.asList()) {
                    int i = List.of(ATTRIBUTES).indexOf(a.getName());
                    if (a.getValue() instanceof Number n && i < values.length) {
                        values[i] = n.doubleValue();
                    } else if (a.getName().equals("LastError")) {
                        failing = a.getValue() != null && !a.getValue().toString().isEmpty();
                    }
                }
                rows.add(new Row(sink, values, failing));
            } catch (JMException e) {
                // the sink went away between the query and the read (a reload): it has no row this time
            }
        }
        List<MetricSnapshot> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return new MetricSnapshots(out);
        }
        counters(out, rows, 0, "keepalived4j_alert_sink_sent", "Alerts the sink delivered");
        counters(out, rows, 1, "keepalived4j_alert_sink_failed", "Delivery attempts that failed");
        counters(out, rows, 2, "keepalived4j_alert_sink_retried", "Delivery attempts repeated after a failure");
        counters(out, rows, 3, "keepalived4j_alert_sink_dropped",
                "Alerts given up undelivered (over the spool's size or age bound, unreadable, or refused by the disk)");
        gauges(out, rows, 4, "keepalived4j_alert_sink_queued", "Alerts waiting in the sink's spool", null);
        gauges(out, rows, 5, "keepalived4j_alert_sink_spool_bytes", "The size of the sink's spool on disk", Unit.BYTES);
        gauges(out, rows, 6, "keepalived4j_alert_sink_oldest_undelivered_seconds",
                "How long the oldest waiting alert has waited (0 when none waits)", Unit.SECONDS);
        counters(out, rows, 7, "keepalived4j_alert_sink_held",
                "Alerts the sink's routes held back (identical repeats, flap damping, rate limit; the last two sent as summaries)");
        GaugeSnapshot.Builder failing = GaugeSnapshot.builder().name("keepalived4j_alert_sink_failing")
                .help("1 when the sink's last delivery attempt failed, 0 after a success");
        rows.forEach(r -> failing.dataPoint(gauge(r.failing() ? 1 : 0, Labels.of("sink", r.sink()))));
        out.add(failing.build());
        return new MetricSnapshots(out);
    }

    private static void counters(List<MetricSnapshot> out, List<Row> rows, int i, String name, String help) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        rows.forEach(r -> b.dataPoint(counter(r.values()[i], Labels.of("sink", r.sink()))));
        out.add(b.build());
    }

    private static void gauges(List<MetricSnapshot> out, List<Row> rows, int i, String name, String help, Unit unit) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            b.unit(unit);
        }
        rows.forEach(r -> b.dataPoint(gauge(r.values()[i], Labels.of("sink", r.sink()))));
        out.add(b.build());
    }
}
