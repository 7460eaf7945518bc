package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.counter;
import static org.keepalived4j.exporter.prometheus.DataPoints.epochSeconds;
import static org.keepalived4j.exporter.prometheus.DataPoints.gauge;
import static org.keepalived4j.exporter.prometheus.DataPoints.histogram;
import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** What keepalived4j publishes about VRRP beyond the common exporter's series. */
final class VrrpMetrics implements MetricGroup {

    private final SkippedObjects skipped;

    VrrpMetrics(SkippedObjects skipped) {
        this.skipped = skipped;
    }

    @Override
    public void collect(StateSnapshot state, List<MetricSnapshot> out) {
        GaugeSnapshot.Builder priority = family("keepalived_vrrp_priority",
                "The configured priority of the instance, 1-255");
        GaugeSnapshot.Builder effective = family("keepalived_vrrp_effective_priority",
                "The priority the instance advertises now, after tracker weights");
        GaugeSnapshot.Builder wanted = family("keepalived_vrrp_wanted_state",
                "The state the instance would be in without faults: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP");
        GaugeSnapshot.Builder masterPriority = family("keepalived_vrrp_master_priority",
                "The priority the current master advertises; 0 when no master is known");
        GaugeSnapshot.Builder lastTransition = family("keepalived_vrrp_last_transition_timestamp_seconds",
                "When the instance last changed state, as a Unix timestamp").unit(Unit.SECONDS);
        CounterSnapshot.Builder transitions = CounterSnapshot.builder().name("keepalived_vrrp_transitions")
                .help("State changes of the instance by the state entered (to) and the reason");
        CounterSnapshot.Builder intervalMismatch = CounterSnapshot.builder()
                .name("keepalived_vrrp_advert_interval_mismatch")
                .help("VRRPv2 advertisements dropped because their interval differed from the instance's "
                        + "(keepalived counts them nowhere: keepalived_advertisements_interval_errors_total stays 0)");
        GaugeSnapshot.Builder advert = family("keepalived_vrrp_advert_interval_seconds",
                "The configured advertisement interval of the instance").unit(Unit.SECONDS);
        GaugeSnapshot.Builder masterAdvert = family("keepalived_vrrp_master_advert_interval_seconds",
                "The advertisement interval of the current master (the instance's own when it is master)")
                .unit(Unit.SECONDS);
        GaugeSnapshot.Builder garp = family("keepalived_vrrp_garp_master_delay_seconds",
                "The configured delay before the second round of gratuitous ARPs after becoming master")
                .unit(Unit.SECONDS);
        HistogramSnapshot.Builder takeover = HistogramSnapshot.builder().name("keepalived_vrrp_takeover_seconds")
                .unit(Unit.SECONDS)
                .help("How long the master had been silent each time the instance took over as MASTER");
        GaugeSnapshot.Builder trackerUp = family("keepalived_vrrp_tracker_up",
                "Whether a tracked interface, script, file, process or BFD session is healthy (1) or not (0)");
        GaugeSnapshot.Builder trackerContribution = family("keepalived_vrrp_tracker_priority_contribution",
                "What the tracker adds to (or takes from) the instance's priority now");
        for (VrrpInstanceSnapshot i : state.vrrpInstances()) {
            Labels labels = VrrpLabels.instance(i);
            priority.dataPoint(gauge(i.status().basePriority(), labels));
            effective.dataPoint(gauge(i.status().effectivePriority(), labels));
            wanted.dataPoint(gauge(i.status().wantedState().code(), labels));
            masterPriority.dataPoint(gauge(i.status().masterPriority(), labels));
            lastTransition.dataPoint(gauge(epochSeconds(i.status().lastTransition()), labels));
            for (TransitionCount t : ScrapeOrder.transitions(i.status().transitions())) {
                transitions.dataPoint(counter(t.count(), Labels.of("iname", i.name(), "intf", i.interfaceName(),
                        "reason", t.reason().label(), "to", t.to().name(), "vrid", Integer.toString(i.vrid()))));
            }
            intervalMismatch.dataPoint(counter(i.counters().advertIntervalMismatch(), labels));
            advert.dataPoint(gauge(seconds(i.settings().advertInterval()), labels));
            masterAdvert.dataPoint(gauge(seconds(i.status().masterAdvertInterval()), labels));
            garp.dataPoint(gauge(seconds(i.settings().garpMasterDelay()), labels));
            if (i.takeover() != null) {
                takeover.dataPoint(histogram(i.takeover(), labels));
            }
            for (TrackerSnapshot t : ScrapeOrder.trackers(i, skipped)) {
                Labels tl = Labels.of("iname", i.name(), "intf", i.interfaceName(), "kind", t.kind(),
                        "tracker", t.name(), "vrid", Integer.toString(i.vrid()));
                trackerUp.dataPoint(gauge(t.up() ? 1 : 0, tl));
                trackerContribution.dataPoint(gauge(t.priorityContribution(), tl));
            }
        }
        out.add(priority.build());
        out.add(effective.build());
        out.add(wanted.build());
        out.add(masterPriority.build());
        out.add(lastTransition.build());
        out.add(transitions.build());
        out.add(intervalMismatch.build());
        out.add(advert.build());
        out.add(masterAdvert.build());
        out.add(garp.build());
        out.add(takeover.build());
        out.add(trackerUp.build());
        out.add(trackerContribution.build());
        out.add(syncGroups(state));
    }

    private static MetricSnapshot syncGroups(StateSnapshot state) {
        GaugeSnapshot.Builder group = family("keepalived_sync_group_state",
                "Sync group state: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP");
        for (SyncGroupSnapshot g : state.syncGroups()) {
            group.dataPoint(gauge(g.state().code(), Labels.of("group", g.name())));
        }
        return group.build();
    }

    private static GaugeSnapshot.Builder family(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }
}
