package org.keepalived4j.exporter.prometheus;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.keepalived4j.model.RealServerSnapshot;

/**
 * Virtual and real servers: what the health checkers say and what the quorum is. The check
 * duration histogram costs 11 series per real server (most of a large scrape), so it can be
 * left out ({@code real_server_check_histograms no}).
 */
final class LvsMetrics implements MetricGroup {

    private static final byte[] VIRTUAL_SERVER = PrometheusTextWriter.ascii("virtual_server=\"");

    private final boolean checkHistograms;

    LvsMetrics(boolean checkHistograms) {
        this.checkHistograms = checkHistograms;
    }

    /** What a series per virtual server says about virtual server {@code v}. */
    @FunctionalInterface
    private interface VirtualServerValue {
        double of(Scrape scrape, int v);
    }

    @Override
    public void families(List<MetricFamily> out) {
        out.add(MetricFamily.gauge("keepalived_real_server_up",
                "Whether every checker of the real server says it is up (1) or not (0)",
                perRealServer(rs -> rs.alive() ? 1 : 0)));
        out.add(MetricFamily.gauge("keepalived_real_server_weight",
                "The real server's weight now (configured, changed by misc_dynamic, 0 when inhibited)",
                perRealServer(RealServerSnapshot::weight)));
        out.add(MetricFamily.counter("keepalived_real_server_check_failures",
                "Failed health checks of the real server (every failed attempt)",
                perRealServer(RealServerSnapshot::checkFailures)));
        if (checkHistograms) {
            out.add(new MetricFamily("keepalived_real_server_check_duration_seconds", MetricFamily.Type.HISTOGRAM,
                    "seconds", "How long each health check of the real server took", (scrape, w) -> {
                        for (int r = 0, n = scrape.realServerRows(); r < n; r++) {
                            RealServerSnapshot rs = scrape.realServer(r);
                            if (rs.checkDuration() != null) {
                                scrape.realServerLabels(r, w);
                                w.histogram(rs.checkDuration());
                            }
                        }
                    }));
        }
        out.add(MetricFamily.gauge("keepalived_virtual_server_real_servers_up",
                "Real servers of the virtual server that are up now", perVirtualServer(Scrape::realServersUp)));
        out.add(MetricFamily.gauge("keepalived_virtual_server_real_servers",
                "Real servers configured for the virtual server", perVirtualServer(Scrape::realServerCount)));
        out.add(MetricFamily.gauge("keepalived_virtual_server_quorum_met",
                "Whether the live real servers' weight meets the virtual server's quorum (1) or not (0)",
                perVirtualServer((scrape, v) -> scrape.virtualServers().get(v).quorumMet() ? 1 : 0)));
        out.add(MetricFamily.gauge("keepalived_virtual_server_sorry_server_active",
                "Whether the virtual server's sorry server is in use now (1) or not (0)",
                perVirtualServer((scrape, v) -> scrape.virtualServers().get(v).sorryServerActive() ? 1 : 0)));
    }

    /** Labels {@code real_server, virtual_server}. */
    private static MetricFamily.Series perRealServer(ToDoubleFunction<RealServerSnapshot> value) {
        return (scrape, w) -> {
            for (int r = 0, n = scrape.realServerRows(); r < n; r++) {
                scrape.realServerLabels(r, w);
                w.sample(value.applyAsDouble(scrape.realServer(r)));
            }
        };
    }

    /** Label {@code virtual_server}. */
    private static MetricFamily.Series perVirtualServer(VirtualServerValue value) {
        return (scrape, w) -> {
            for (int v = 0, n = scrape.virtualServers().size(); v < n; v++) {
                w.label(VIRTUAL_SERVER, scrape.virtualServers().get(v).key());
                w.sample(value.of(scrape, v));
            }
        };
    }
}
