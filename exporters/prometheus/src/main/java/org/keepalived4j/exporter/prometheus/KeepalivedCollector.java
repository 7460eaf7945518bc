package org.keepalived4j.exporter.prometheus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric families of one part of {@code /metrics}, in the order they are served: by name,
 * as client_java ordered them. Nothing is built or cached: each scrape writes every family's
 * series straight from the {@link Scrape} (one read of {@code StateView#current()}, so that all
 * families describe the same moment). A new group of metrics (alert sinks, for one) is one more
 * {@link MetricGroup} in {@link #standard}.
 */
final class KeepalivedCollector {

    private final List<MetricFamily> families;

    KeepalivedCollector(List<MetricGroup> groups) {
        List<MetricFamily> all = new ArrayList<>();
        for (MetricGroup g : groups) {
            g.families(all);
        }
        all.sort(MetricFamily.BY_NAME);
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).name().equals(all.get(i - 1).name())) {
                throw new IllegalArgumentException("two metric families named " + all.get(i).name());
            }
        }
        this.families = List.copyOf(all);
    }

    /** Everything served in every exposition format. */
    static KeepalivedCollector standard() {
        return standard(true);
    }

    /**
     * Everything served in every exposition format, with or without the per-real-server check
     * histograms; the alert sinks' families have series when the scrape read sinks.
     */
    static KeepalivedCollector standard(boolean realServerCheckHistograms) {
        return new KeepalivedCollector(List.of(new DaemonMetrics(), new CompatibleVrrpMetrics(), new VrrpMetrics(),
                new ScriptMetrics(), new LvsMetrics(realServerCheckHistograms), AlertSinkCollector::families));
    }

    /**
     * The common exporter's pre-1.0 names. Two of them ({@code keepalived_become_master},
     * {@code keepalived_release_master}) are the family names of today's counters in
     * OpenMetrics, so these are served in the Prometheus text format only.
     */
    static KeepalivedCollector legacy() {
        return new KeepalivedCollector(List.of(new LegacyVrrpMetrics()));
    }

    /** Writes every family that has series in {@code scrape}. */
    void write(Scrape scrape, PrometheusTextWriter out) throws IOException {
        for (int i = 0; i < families.size(); i++) {
            out.write(families.get(i), scrape);
        }
    }
}
