package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;

import java.util.List;

/**
 * The VRRP series of the common keepalived exporter (mehdy/keepalived-exporter), with its
 * names, types, labels and values, so its dashboards and alert rules keep working.
 */
final class CompatibleVrrpMetrics implements MetricGroup {

    @Override
    public void families(List<MetricFamily> out) {
        for (VrrpCounter c : VrrpCounter.values()) {
            out.add(MetricFamily.counter(c.compatibleName, c.help,
                    VrrpLabels.perInstance(i -> c.value.applyAsLong(i.counters()))));
        }
        out.add(MetricFamily.counter("keepalived_gratuitous_arp_delay",
                "The configured garp_master_delay in seconds: a setting, not a counter; kept with this "
                        + "name and type for existing dashboards, see keepalived_vrrp_garp_master_delay_seconds",
                VrrpLabels.perInstance(i -> seconds(i.settings().garpMasterDelay()))));
        out.add(MetricFamily.gauge("keepalived_vrrp_state",
                "Instance state per virtual address: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP",
                VrrpLabels.perAddress(false, true, (i, address) -> i.state().code())));
        out.add(MetricFamily.gauge("keepalived_vrrp_excluded_state",
                "Instance state per excluded virtual address: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP",
                VrrpLabels.perAddress(true, false, (i, address) -> i.state().code())));
    }
}
