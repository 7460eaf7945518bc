package org.keepalived4j.exporter.prometheus;

import static org.keepalived4j.exporter.prometheus.DataPoints.epochSeconds;
import static org.keepalived4j.exporter.prometheus.DataPoints.seconds;

import java.util.List;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** What keepalived4j publishes about VRRP beyond the common exporter's series. */
final class VrrpMetrics implements MetricGroup {

    @Override
    public void families(List<MetricFamily> out) {
        out.add(MetricFamily.gauge("keepalived_vrrp_priority", "The configured priority of the instance, 1-255",
                VrrpLabels.perInstance(i -> i.status().basePriority())));
        out.add(MetricFamily.gauge("keepalived_vrrp_effective_priority",
                "The priority the instance advertises now, after tracker weights",
                VrrpLabels.perInstance(i -> i.status().effectivePriority())));
        out.add(MetricFamily.gauge("keepalived_vrrp_wanted_state",
                "The state the instance would be in without faults: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP",
                VrrpLabels.perInstance(i -> i.status().wantedState().code())));
        out.add(MetricFamily.gauge("keepalived_vrrp_master_priority",
                "The priority the current master advertises; 0 when no master is known",
                VrrpLabels.perInstance(i -> i.status().masterPriority())));
        out.add(MetricFamily.seconds("keepalived_vrrp_last_transition_timestamp_seconds",
                "When the instance last changed state, as a Unix timestamp",
                VrrpLabels.perInstance(i -> epochSeconds(i.status().lastTransition()))));
        out.add(MetricFamily.counter("keepalived_vrrp_transitions",
                "State changes of the instance by the state entered (to) and the reason", VrrpMetrics::transitions));
        out.add(MetricFamily.counter("keepalived_vrrp_advert_interval_mismatch",
                "VRRPv2 advertisements dropped because their interval differed from the instance's "
                        + "(keepalived counts them nowhere: keepalived_advertisements_interval_errors_total stays 0)",
                VrrpLabels.perInstance(i -> i.counters().advertIntervalMismatch())));
        out.add(MetricFamily.seconds("keepalived_vrrp_advert_interval_seconds",
                "The configured advertisement interval of the instance",
                VrrpLabels.perInstance(i -> seconds(i.settings().advertInterval()))));
        out.add(MetricFamily.seconds("keepalived_vrrp_master_advert_interval_seconds",
                "The advertisement interval of the current master (the instance's own when it is master)",
                VrrpLabels.perInstance(i -> seconds(i.status().masterAdvertInterval()))));
        out.add(MetricFamily.seconds("keepalived_vrrp_garp_master_delay_seconds",
                "The configured delay before the second round of gratuitous ARPs after becoming master",
                VrrpLabels.perInstance(i -> seconds(i.settings().garpMasterDelay()))));
        out.add(new MetricFamily("keepalived_vrrp_takeover_seconds", MetricFamily.Type.HISTOGRAM, "seconds",
                "How long the master had been silent each time the instance took over as MASTER", (scrape, w) -> {
                    List<VrrpInstanceSnapshot> instances = scrape.instances();
                    for (int k = 0; k < instances.size(); k++) {
                        VrrpInstanceSnapshot i = instances.get(k);
                        if (i.takeover() != null) {
                            scrape.instanceLabels(k, w);
                            w.histogram(i.takeover());
                        }
                    }
                }));
        out.add(MetricFamily.gauge("keepalived_vrrp_tracker_up",
                "Whether a tracked interface, script, file, process or BFD session is healthy (1) or not (0)",
                (scrape, w) -> trackers(scrape, w, false)));
        out.add(MetricFamily.gauge("keepalived_vrrp_tracker_priority_contribution",
                "What the tracker adds to (or takes from) the instance's priority now",
                (scrape, w) -> trackers(scrape, w, true)));
        out.add(MetricFamily.gauge("keepalived_sync_group_state",
                "Sync group state: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP", (scrape, w) -> {
                    for (SyncGroupSnapshot g : scrape.syncGroups()) {
                        w.label(VrrpLabels.GROUP, g.name());
                        w.sample(g.state().code());
                    }
                }));
    }

    /** Labels {@code iname, intf, reason, to, vrid}. */
    private static void transitions(Scrape scrape, PrometheusTextWriter out) throws java.io.IOException {
        for (int k = 0; k < scrape.instances().size(); k++) {
            for (int t = scrape.transitionsFrom(k), end = scrape.transitionsTo(k); t < end; t++) {
                TransitionCount count = scrape.transition(t);
                scrape.instancePrefix(k, out);
                byte[] reason = VrrpLabels.reason(count.reason());
                out.labels(reason, 0, reason.length);
                byte[] to = VrrpLabels.to(count.to());
                out.labels(to, 0, to.length);
                scrape.instanceVrid(k, out);
                out.sample(count.count());
            }
        }
    }

    /** Labels {@code iname, intf, kind, tracker, vrid}. */
    private static void trackers(Scrape scrape, PrometheusTextWriter out, boolean contribution)
            throws java.io.IOException {
        for (int k = 0; k < scrape.instances().size(); k++) {
            for (int t = scrape.trackersFrom(k), end = scrape.trackersTo(k); t < end; t++) {
                TrackerSnapshot tracker = scrape.tracker(t);
                scrape.instancePrefix(k, out);
                out.label(VrrpLabels.KIND, tracker.kind());
                out.label(VrrpLabels.TRACKER, tracker.name());
                scrape.instanceVrid(k, out);
                out.sample(contribution ? tracker.priorityContribution() : tracker.up() ? 1 : 0);
            }
        }
    }
}
