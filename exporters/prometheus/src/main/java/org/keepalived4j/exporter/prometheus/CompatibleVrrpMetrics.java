package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.counter;
import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;
import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/**
 * The VRRP series of the common keepalived exporter (mehdy/keepalived-exporter), with its
 * names, types, labels and values, so its dashboards and alert rules keep working.
 */
final class CompatibleVrrpMetrics implements MetricGroup {

    private static final VrrpCounter[] COUNTERS = VrrpCounter.values();

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        CounterSnapshot.Builder[] counters = new CounterSnapshot.Builder[COUNTERS.length];
        for (int k = 0; k < COUNTERS.length; k++) {
            counters[k] = CounterSnapshot.builder().name(COUNTERS[k].compatibleName).help(COUNTERS[k].help);
        }
        CounterSnapshot.Builder garp = CounterSnapshot.builder().name("keepalived_gratuitous_arp_delay")
                .help("The configured garp_master_delay in seconds: a setting, not a counter; kept with this "
                        + "name and type for existing dashboards, see keepalived_vrrp_garp_master_delay_seconds");
        GaugeSnapshot.Builder vrrpState = GaugeSnapshot.builder().name("keepalived_vrrp_state")
                .help("Instance state per virtual address: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP");
        GaugeSnapshot.Builder excludedState = GaugeSnapshot.builder().name("keepalived_vrrp_excluded_state")
                .help("Instance state per excluded virtual address: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP");
        for (VrrpInstanceSnapshot i : state.vrrpInstances()) {
            Labels labels = VrrpLabels.instance(i);
            VrrpCounters c = i.counters();
            for (int k = 0; k < COUNTERS.length; k++) {
                counters[k].dataPoint(counter(COUNTERS[k].value.applyAsLong(c), labels));
            }
            garp.dataPoint(counter(seconds(i.settings().garpMasterDelay()), labels));
            int code = i.state().code();
            addAddresses(vrrpState, i, i.vips(), code);
            if (i.vips().isEmpty()) {
                vrrpState.dataPoint(gauge(code, VrrpLabels.noAddress(i)));
            }
            addAddresses(excludedState, i, i.excludedVips(), code);
        }
        for (CounterSnapshot.Builder b : counters) {
            out.add(b.build());
        }
        out.add(garp.build());
        out.add(vrrpState.build());
        out.add(excludedState.build());
    }

    /** One series per distinct (device, address); a duplicate would fail the whole scrape. */
    static void addAddresses(GaugeSnapshot.Builder family, VrrpInstanceSnapshot i, List<VipSnapshot> vips,
            double value) {
        Set<Labels> seen = vips.size() > 1 ? new HashSet<>() : null;
        for (VipSnapshot vip : ScrapeOrder.vips(vips, i.interfaceName())) {
            Labels labels = VrrpLabels.address(i, vip);
            if (seen == null || seen.add(labels)) {
                family.dataPoint(gauge(value, labels));
            }
        }
    }
}
