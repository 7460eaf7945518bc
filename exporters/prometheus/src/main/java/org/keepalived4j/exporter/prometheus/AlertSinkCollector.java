package org.keepalived4j.exporter.prometheus;

import java.util.Comparator;
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
final class AlertSinkCollector {

    private static final String[] ATTRIBUTES = {"Sent", "Failed", "Retried", "Dropped", "Queued", "SpoolBytes",
        "OldestUndeliveredSeconds", "Held", "LastError"};
    private static final List<String> ATTRIBUTE_LIST = List.of(ATTRIBUTES);
    private static final byte[] SINK = PrometheusTextWriter.ascii("sink=\"");

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

    /** One sink's figures, in the order of {@link #ATTRIBUTES} (without LastError). */
    record Row(String sink, double[] values, boolean failing) {
    }

    /** Adds a row per sink to {@code out}, by sink name (the order of their series). */
    void read(List<Row> out) {
        Set<ObjectName> names = new TreeSet<>(mbeans.queryNames(pattern, null));
        int from = out.size();
        for (ObjectName name : names) {
            String sink = ObjectName.unquote(name.getKeyProperty("name"));
            try {
                AttributeList list = mbeans.getAttributes(name, ATTRIBUTES);
                double[] values = new double[ATTRIBUTES.length - 1];
                boolean failing = false;
                for (Attribute a : list.asList()) {
                    int i = ATTRIBUTE_LIST.indexOf(a.getName());
                    if (a.getValue() instanceof Number n && i < values.length) {
                        values[i] = n.doubleValue();
                    } else if (a.getName().equals("LastError")) {
                        failing = a.getValue() != null && !a.getValue().toString().isEmpty();
                    }
                }
                out.add(new Row(sink, values, failing));
            } catch (JMException e) {
                // the sink went away between the query and the read (a reload): it has no row this time
            }
        }
        out.subList(from, out.size()).sort(Comparator.comparing(Row::sink));
    }

    /** The families, written from the rows a scrape read. */
    static void families(List<MetricFamily> out) {
        out.add(MetricFamily.counter("keepalived4j_alert_sink_sent", "Alerts the sink delivered", column(0)));
        out.add(MetricFamily.counter("keepalived4j_alert_sink_failed", "Delivery attempts that failed", column(1)));
        out.add(MetricFamily.counter("keepalived4j_alert_sink_retried", "Delivery attempts repeated after a failure",
                column(2)));
        out.add(MetricFamily.counter("keepalived4j_alert_sink_dropped",
                "Alerts given up undelivered (over the spool's size or age bound, unreadable, or refused by the disk)",
                column(3)));
        out.add(MetricFamily.gauge("keepalived4j_alert_sink_queued", "Alerts waiting in the sink's spool", column(4)));
        out.add(new MetricFamily("keepalived4j_alert_sink_spool_bytes", MetricFamily.Type.GAUGE, "bytes",
                "The size of the sink's spool on disk", column(5)));
        out.add(MetricFamily.seconds("keepalived4j_alert_sink_oldest_undelivered_seconds",
                "How long the oldest waiting alert has waited (0 when none waits)", column(6)));
        out.add(MetricFamily.counter("keepalived4j_alert_sink_held",
                "Alerts the sink's routes held back (identical repeats, flap damping, rate limit; the last two sent as "
                        + "summaries)", column(7)));
        out.add(MetricFamily.gauge("keepalived4j_alert_sink_failing",
                "1 when the sink's last delivery attempt failed, 0 after a success", (scrape, w) -> {
                    for (Row r : scrape.alertSinks()) {
                        w.label(SINK, r.sink());
                        w.sample(r.failing() ? 1 : 0);
                    }
                }));
    }

    private static MetricFamily.Series column(int i) {
        return (scrape, w) -> {
            for (Row r : scrape.alertSinks()) {
                w.label(SINK, r.sink());
                w.sample(r.values()[i]);
            }
        };
    }
}
