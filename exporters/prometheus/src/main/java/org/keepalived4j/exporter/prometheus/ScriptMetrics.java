package org.keepalived4j.exporter.prometheus;

import java.util.List;
import org.keepalived4j.model.ScriptSnapshot;

/** {@code vrrp_script} verdicts, as the common keepalived exporter publishes them. */
final class ScriptMetrics implements MetricGroup {

    @Override
    public void families(List<MetricFamily> out) {
        out.add(MetricFamily.gauge("keepalived_script_status",
                "Verdict of a vrrp_script: 1 GOOD, 0 otherwise (BAD, not yet decided, or disabled)", (scrape, w) -> {
                    for (ScriptSnapshot s : scrape.scripts()) {
                        w.label(VrrpLabels.NAME, s.name());
                        w.sample(s.status().exporterCode());
                    }
                }));
        out.add(MetricFamily.gauge("keepalived_script_state", "Whether a vrrp_script is running now: 1 running, 0 idle",
                (scrape, w) -> {
                    for (ScriptSnapshot s : scrape.scripts()) {
                        w.label(VrrpLabels.NAME, s.name());
                        w.sample(s.running() ? 1 : 0);
                    }
                }));
    }
}
