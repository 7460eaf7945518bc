package org.keepalived4j.exporter.prometheus;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;

/**
 * Builds metric families at scrape time from {@link StateView#current()}: the snapshot is read
 * once per scrape, so all families describe the same moment, and nothing is cached between
 * scrapes. A new group of metrics (alert sinks, for one) is one more {@link MetricGroup} in
 * {@link #standard}.
 */
final class KeepalivedCollector implements MultiCollector {

    private final StateView state;
    private final List<MetricGroup> groups;
    private final SkippedObjects skipped;

    KeepalivedCollector(StateView state, List<MetricGroup> groups, SkippedObjects skipped) {
        this.state = state;
        this.groups = List.copyOf(groups);
        this.skipped = skipped;
    }

    /** Everything served in every exposition format. */
    static KeepalivedCollector standard(StateView state) {
        return standard(state, true);
    }

    /** Everything served in every exposition format, with or without the per-real-server check histograms. */
    static KeepalivedCollector standard(StateView state, boolean realServerCheckHistograms) {
        return standard(state, realServerCheckHistograms, new SkippedObjects());
    }

    /** As above, reporting objects left out to {@code skipped} (shared with the legacy collector). */
    static KeepalivedCollector standard(StateView state, boolean realServerCheckHistograms, SkippedObjects skipped) {
        return new KeepalivedCollector(state, List.of(new DaemonMetrics(), new CompatibleVrrpMetrics(),
                new VrrpMetrics(skipped), new ScriptMetrics(), new LvsMetrics(realServerCheckHistograms)), skipped);
    }

    /**
     * The common exporter's pre-1.0 names. Two of them ({@code keepalived_become_master},
     * {@code keepalived_release_master}) are the family names of today's counters in
     * OpenMetrics, so these are served in the Prometheus text format only.
     */
    static KeepalivedCollector legacy(StateView state) {
        return legacy(state, new SkippedObjects());
    }

    static KeepalivedCollector legacy(StateView state, SkippedObjects skipped) {
        return new KeepalivedCollector(state, List.of(new LegacyVrrpMetrics()), skipped);
    }

    @Override
    public MetricSnapshots collect() {
        StateSnapshot snapshot = ScrapeOrder.sorted(state.current(), skipped);
        List<MetricSnapshot> out = new ArrayList<>(64);
        for (MetricGroup group : groups) {
            group.collect(snapshot, out);
        }
        return new MetricSnapshots(out);
    }
}
