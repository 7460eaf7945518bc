package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;
import static org.keepalived4j.exporter.prometheus.DataPoints.untyped;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

/**
 * The names the common keepalived exporter used before it adopted {@code _total} counters
 * ({@code keepalived_advert_rcvd}, ...). Its published Grafana dashboard still queries them,
 * so they are served (setting {@code legacy_metrics}, on by default) with that exporter's old
 * label set {@code iname, intf, vrid, state}. They carry no type ({@code untyped}): the
 * exposition format gives every counter a {@code _total} suffix, which these names never had.
 */
final class LegacyVrrpMetrics implements MetricGroup {

    private static final VrrpCounter[] COUNTERS = VrrpCounter.values();

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        UnknownSnapshot.Builder[] families = new UnknownSnapshot.Builder[COUNTERS.length];
        for (int k = 0; k < COUNTERS.length; k++) {
            families[k] = UnknownSnapshot.builder().name(COUNTERS[k].legacyName)
                    .help(COUNTERS[k].help + " (legacy name of " + COUNTERS[k].compatibleName + "_total)");
        }
        UnknownSnapshot.Builder garp = UnknownSnapshot.builder().name("keepalived_garp_delay")
                .help("The configured garp_master_delay in seconds (legacy name of "
                        + "keepalived_vrrp_garp_master_delay_seconds)");
        UnknownSnapshot.Builder vipCheck = UnknownSnapshot.builder().name("keepalived_check_script_status")
                .help("1 when the virtual address is installed exactly when the instance is MASTER, else 0 "
                        + "(replaces the old exporter's per-address check script)");
        for (VrrpInstanceSnapshot i : state.vrrpInstances()) {
            Labels labels = Labels.of("iname", i.name(), "intf", i.interfaceName(), "vrid",
                    Integer.toString(i.vrid()), "state", i.state().name());
            VrrpCounters c = i.counters();
            for (int k = 0; k < COUNTERS.length; k++) {
                families[k].dataPoint(untyped(COUNTERS[k].value.applyAsLong(c), labels));
            }
            garp.dataPoint(untyped(seconds(i.settings().garpMasterDelay()), labels));
            addVipChecks(vipCheck, i);
        }
        for (UnknownSnapshot.Builder b : families) {
            out.add(b.build());
        }
        out.add(garp.build());
        out.add(vipCheck.build());
    }

    private static void addVipChecks(UnknownSnapshot.Builder family, VrrpInstanceSnapshot i) {
        boolean master = i.state() == VrrpState.MASTER;
        Set<Labels> seen = new HashSet<>();
        for (VipSnapshot vip : ScrapeOrder.vips(i.vips(), i.interfaceName())) {
            Labels labels = VrrpLabels.address(i, vip);
            if (seen.add(labels)) {
                family.dataPoint(untyped(vip.installed() == master ? 1 : 0, labels));
            }
        }
    }
}
