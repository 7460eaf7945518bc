package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.counter;
import static org.keepalived4j.exporter.prometheus.DataPoints.epochSeconds;
import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;

/** {@code keepalived_up}, {@code keepalived4j_build_info} and the daemon's own figures. */
final class DaemonMetrics implements MetricGroup {

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        DaemonSnapshot d = state.daemon();
        out.add(GaugeSnapshot.builder().name("keepalived_up")
                .help("Whether the daemon is up and serving its state (always 1 when it answers)")
                .dataPoint(gauge(1, Labels.EMPTY)).build());
        out.add(InfoSnapshot.builder().name("keepalived4j_build")
                .help("The running keepalived4j version (value always 1)")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", d.version())).build())
                .build());
        out.add(GaugeSnapshot.builder().name("keepalived_start_time_seconds").unit(Unit.SECONDS)
                .help("When the daemon started, as a Unix timestamp")
                .dataPoint(gauge(epochSeconds(d.started()), Labels.EMPTY)).build());
        out.add(GaugeSnapshot.builder().name("keepalived_config_load_timestamp_seconds").unit(Unit.SECONDS)
                .help("When the configuration was last loaded or reloaded, as a Unix timestamp")
                .dataPoint(gauge(epochSeconds(d.configLoaded()), Labels.EMPTY)).build());
        out.add(CounterSnapshot.builder().name("keepalived_config_reloads")
                .help("Configuration reloads since the daemon started")
                .dataPoint(counter(d.reloads(), Labels.EMPTY)).build());
        out.add(GaugeSnapshot.builder().name("keepalived_config_last_reload_successful")
                .help("1 when the last reload was applied (or none was tried), 0 when a configuration with new "
                        + "errors was refused and the running one kept")
                .dataPoint(gauge(d.reload().lastSuccessful() ? 1 : 0, Labels.EMPTY)).build());
        out.add(CounterSnapshot.builder().name("keepalived_config_reload_failures")
                .help("Reloads refused since the daemon started")
                .dataPoint(counter(d.reload().failed(), Labels.EMPTY)).build());
        VrrpRouterCounters router = d.router();
        out.add(CounterSnapshot.builder().name("keepalived_vrrp_checksum_errors")
                .help("VRRP packets with a wrong checksum, for any instance (RFC 2787 vrrpRouterChecksumErrors)")
                .dataPoint(counter(router.checksumErrors(), Labels.EMPTY)).build());
        out.add(CounterSnapshot.builder().name("keepalived_vrrp_version_errors")
                .help("VRRP packets of another version than the instance's (RFC 2787 vrrpRouterVersionErrors)")
                .dataPoint(counter(router.versionErrors(), Labels.EMPTY)).build());
        out.add(CounterSnapshot.builder().name("keepalived_vrrp_vrid_errors")
                .help("VRRP packets for a VRID no instance on that interface has (RFC 2787 vrrpRouterVrIdErrors)")
                .dataPoint(counter(router.vridErrors(), Labels.EMPTY)).build());
        out.add(GaugeSnapshot.builder().name("keepalived_ipvs_available")
                .help("1 when the kernel has IPVS; 0 when real servers are only checked, not programmed")
                .dataPoint(gauge(d.ipvsAvailable() ? 1 : 0, Labels.EMPTY)).build());
    }
}
