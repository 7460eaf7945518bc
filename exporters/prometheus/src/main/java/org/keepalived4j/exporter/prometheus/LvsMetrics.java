package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.counter;
import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;
import static org.keepalived4j.exporter.prometheus.DataPoints.histogram;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;

/**
 * Virtual and real servers: what the health checkers say and what the quorum is. The check
 * duration histogram costs 11 series per real server (most of a large scrape), so it can be
 * left out ({@code real_server_check_histograms no}).
 */
final class LvsMetrics implements MetricGroup {

    private final boolean checkHistograms;

    LvsMetrics(boolean checkHistograms) {
        this.checkHistograms = checkHistograms;
    }

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        GaugeSnapshot.Builder up = family("keepalived_real_server_up",
                "Whether every checker of the real server says it is up (1) or not (0)");
        GaugeSnapshot.Builder weight = family("keepalived_real_server_weight",
                "The real server's weight now (configured, changed by misc_dynamic, 0 when inhibited)");
        CounterSnapshot.Builder failures = CounterSnapshot.builder().name("keepalived_real_server_check_failures")
                .help("Failed health checks of the real server (every failed attempt)");
        HistogramSnapshot.Builder duration = HistogramSnapshot.builder()
                .name("keepalived_real_server_check_duration_seconds").unit(Unit.SECONDS)
                .help("How long each health check of the real server took");
        GaugeSnapshot.Builder serversUp = family("keepalived_virtual_server_real_servers_up",
                "Real servers of the virtual server that are up now");
        GaugeSnapshot.Builder servers = family("keepalived_virtual_server_real_servers",
                "Real servers configured for the virtual server");
        GaugeSnapshot.Builder quorum = family("keepalived_virtual_server_quorum_met",
                "Whether the live real servers' weight meets the virtual server's quorum (1) or not (0)");
        GaugeSnapshot.Builder sorry = family("keepalived_virtual_server_sorry_server_active",
                "Whether the virtual server's sorry server is in use now (1) or not (0)");
        for (VirtualServerSnapshot vs : state.virtualServers()) {
            Labels vsLabels = Labels.of("virtual_server", vs.key());
            serversUp.dataPoint(gauge(vs.realServersUp(), vsLabels));
            servers.dataPoint(gauge(vs.realServers().size(), vsLabels));
            quorum.dataPoint(gauge(vs.quorumMet() ? 1 : 0, vsLabels));
            sorry.dataPoint(gauge(vs.sorryServerActive() ? 1 : 0, vsLabels));
        }
        for (ScrapeOrder.RealServerRow row : ScrapeOrder.realServers(state.virtualServers())) {
            RealServerSnapshot rs = row.server();
            Labels labels = Labels.of("real_server", rs.key(), "virtual_server", row.virtualServer());
            up.dataPoint(gauge(rs.alive() ? 1 : 0, labels));
            weight.dataPoint(gauge(rs.weight(), labels));
            failures.dataPoint(counter(rs.checkFailures(), labels));
            if (checkHistograms && rs.checkDuration() != null) {
                duration.dataPoint(histogram(rs.checkDuration(), labels));
            }
        }
        out.add(up.build());
        out.add(weight.build());
        out.add(failures.build());
        if (checkHistograms) {
            out.add(duration.build());
        }
        out.add(serversUp.build());
        out.add(servers.build());
        out.add(quorum.build());
        out.add(sorry.build());
    }

    private static GaugeSnapshot.Builder family(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }
}
