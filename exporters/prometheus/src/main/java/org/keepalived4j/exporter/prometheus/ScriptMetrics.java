package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.StateSnapshot;

/** {@code vrrp_script} verdicts, as the common keepalived exporter publishes them. */
final class ScriptMetrics implements MetricGroup {

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        GaugeSnapshot.Builder status = GaugeSnapshot.builder().name("keepalived_script_status")
                .help("Verdict of a vrrp_script: 1 GOOD, 0 otherwise (BAD, not yet decided, or disabled)");
        GaugeSnapshot.Builder running = GaugeSnapshot.builder().name("keepalived_script_state")
                .help("Whether a vrrp_script is running now: 1 running, 0 idle");
        for (ScriptSnapshot s : state.scripts()) {
            Labels labels = Labels.of("name", s.name());
            status.dataPoint(gauge(s.status().exporterCode(), labels));
            running.dataPoint(gauge(s.running() ? 1 : 0, labels));
        }
        out.add(status.build());
        out.add(running.build());
    }
}
