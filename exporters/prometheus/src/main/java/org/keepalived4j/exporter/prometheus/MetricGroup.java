package org.keepalived4j.exporter.prometheus;

import java.util.List;

/**
 * One group of metric families, each written at scrape time from a {@link Scrape}. New metric
 * groups (alert sinks, SNMP agent statistics) are added as further implementations, registered
 * in {@link KeepalivedCollector}.
 */
interface MetricGroup {

    /** Appends this group's families to {@code out} (in any order: they are served by name). */
    void families(List<MetricFamily> out);
}
