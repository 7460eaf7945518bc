package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.epochSeconds;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.keepalived4j.model.DaemonSnapshot;

/** {@code keepalived_up}, {@code keepalived4j_build_info} and the daemon's own figures. */
final class DaemonMetrics implements MetricGroup {

    private static final byte[] VERSION = PrometheusTextWriter.ascii("version=\"");

    @Override
    public void families(List<MetricFamily> out) {
        out.add(MetricFamily.gauge("keepalived_up",
                "Whether the daemon is up and serving its state (always 1 when it answers)", daemon(d -> 1)));
        out.add(new MetricFamily("keepalived4j_build", MetricFamily.Type.INFO, null,
                "The running keepalived4j version (value always 1)", (scrape, w) -> {
                    w.label(VERSION, scrape.daemon().version());
                    w.info();
                }));
        out.add(MetricFamily.seconds("keepalived_start_time_seconds", "When the daemon started, as a Unix timestamp",
                daemon(d -> epochSeconds(d.started()))));
        out.add(MetricFamily.seconds("keepalived_config_load_timestamp_seconds",
                "When the configuration was last loaded or reloaded, as a Unix timestamp",
                daemon(d -> epochSeconds(d.configLoaded()))));
        out.add(MetricFamily.counter("keepalived_config_reloads", "Configuration reloads since the daemon started",
                daemon(DaemonSnapshot::reloads)));
        out.add(MetricFamily.gauge("keepalived_config_last_reload_successful",
                "1 when the last reload was applied (or none was tried), 0 when a configuration with new "
                        + "errors was refused and the running one kept",
                daemon(d -> d.reload().lastSuccessful() ? 1 : 0)));
        out.add(MetricFamily.counter("keepalived_config_reload_failures", "Reloads refused since the daemon started",
                daemon(d -> d.reload().failed())));
        out.add(MetricFamily.counter("keepalived_vrrp_checksum_errors",
                "VRRP packets with a wrong checksum, for any instance (RFC 2787 vrrpRouterChecksumErrors)",
                daemon(d -> d.router().checksumErrors())));
        out.add(MetricFamily.counter("keepalived_vrrp_version_errors",
                "VRRP packets of another version than the instance's (RFC 2787 vrrpRouterVersionErrors)",
                daemon(d -> d.router().versionErrors())));
        out.add(MetricFamily.counter("keepalived_vrrp_vrid_errors",
                "VRRP packets for a VRID no instance on that interface has (RFC 2787 vrrpRouterVrIdErrors)",
                daemon(d -> d.router().vridErrors())));
        out.add(MetricFamily.gauge("keepalived_ipvs_available",
                "1 when the kernel has IPVS; 0 when real servers are only checked, not programmed",
                daemon(d -> d.ipvsAvailable() ? 1 : 0)));
    }

    /** One series without labels. */
    private static MetricFamily.Series daemon(ToDoubleFunction<DaemonSnapshot> value) {
        return (scrape, w) -> w.sample(value.applyAsDouble(scrape.daemon()));
    }
}
