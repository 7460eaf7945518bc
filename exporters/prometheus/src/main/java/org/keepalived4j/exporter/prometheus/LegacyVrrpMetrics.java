package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;

import java.util.List;
import org.keepalived4j.model.VrrpState;

/**
 * The names the common keepalived exporter used before it adopted {@code _total} counters
 * ({@code keepalived_advert_rcvd}, ...). Its published Grafana dashboard still queries them,
 * so they are served (setting {@code legacy_metrics}, on by default) with that exporter's old
 * label set {@code iname, intf, vrid, state}. They carry no type ({@code untyped}): the
 * exposition format gives every counter a {@code _total} suffix, which these names never had.
 */
final class LegacyVrrpMetrics implements MetricGroup {

    @Override
    public void families(List<MetricFamily> out) {
        for (VrrpCounter c : VrrpCounter.values()) {
            out.add(MetricFamily.untyped(c.legacyName, c.help + " (legacy name of " + c.compatibleName + "_total)",
                    VrrpLabels.perInstanceLegacy(i -> c.value.applyAsLong(i.counters()))));
        }
        out.add(MetricFamily.untyped("keepalived_garp_delay",
                "The configured garp_master_delay in seconds (legacy name of "
                        + "keepalived_vrrp_garp_master_delay_seconds)",
                VrrpLabels.perInstanceLegacy(i -> seconds(i.settings().garpMasterDelay()))));
        out.add(MetricFamily.untyped("keepalived_check_script_status",
                "1 when the virtual address is installed exactly when the instance is MASTER, else 0 "
                        + "(replaces the old exporter's per-address check script)",
                VrrpLabels.perAddress(false, false,
                        (i, address) -> Scrape.installed(i, address) == (i.state() == VrrpState.MASTER) ? 1 : 0)));
    }
}
