package org.keepalived4j.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import org.keepalived4j.model.StateSnapshot;

/**
 * One group of metric families, built from a daemon snapshot at scrape time. New metric groups
 * (alert sinks, SNMP agent statistics) are added as further implementations, registered in
 * {@link KeepalivedCollector}.
 */
interface MetricGroup {

    /** Appends this group's families, built from {@code state}, to {@code out}. */
    void collect(StateSnapshot state, List<MetricSnapshot> out);
}
