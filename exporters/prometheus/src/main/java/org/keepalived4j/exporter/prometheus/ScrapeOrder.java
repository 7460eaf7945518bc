package org.keepalived4j.exporter.prometheus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/**
 * Puts objects in the order client_java sorts series in (by label values, label names
 * alphabetically), so that its sort of every family finds them already in order: a linear pass
 * instead of n log n comparisons of whole label sets, the largest cost of a big scrape.
 * Ordering never changes what is published, only how fast.
 */
final class ScrapeOrder {

    private ScrapeOrder() {
    }

    /** The snapshot with instances, groups and scripts by name and virtual servers by key. */
    static StateSnapshot sorted(StateSnapshot s) {
        List<VrrpInstanceSnapshot> instances = new ArrayList<>(s.vrrpInstances());
        instances.sort(Comparator.comparing(VrrpInstanceSnapshot::name));
        List<SyncGroupSnapshot> groups = new ArrayList<>(s.syncGroups());
        groups.sort(Comparator.comparing(SyncGroupSnapshot::name));
        List<ScriptSnapshot> scripts = new ArrayList<>(s.scripts());
        scripts.sort(Comparator.comparing(ScriptSnapshot::name));
        List<VirtualServerSnapshot> servers = new ArrayList<>(s.virtualServers());
        servers.sort(Comparator.comparing(VirtualServerSnapshot::key));
        return new StateSnapshot(s.daemon(), instances, groups, scripts, servers);
    }

    /** Labels {@code intf, ip_address}: by device, then address. */
    static List<VipSnapshot> vips(List<VipSnapshot> vips, String instanceInterface) {
        if (vips.size() < 2) {
            return vips;
        }
        List<VipSnapshot> sorted = new ArrayList<>(vips);
        sorted.sort(Comparator.comparing((VipSnapshot v) -> v.device() == null ? instanceInterface : v.device())
                .thenComparing(VipSnapshot::address));
        return sorted;
    }

    /** Labels {@code reason, to}. */
    static List<TransitionCount> transitions(List<TransitionCount> transitions) {
        if (transitions.size() < 2) {
            return transitions;
        }
        List<TransitionCount> sorted = new ArrayList<>(transitions);
        sorted.sort(Comparator.comparing((TransitionCount t) -> t.reason().label())
                .thenComparing(t -> t.to().name()));
        return sorted;
    }

    /** Labels {@code kind, tracker}. */
    static List<TrackerSnapshot> trackers(List<TrackerSnapshot> trackers) {
        if (trackers.size() < 2) {
            return trackers;
        }
        List<TrackerSnapshot> sorted = new ArrayList<>(trackers);
        sorted.sort(Comparator.comparing(TrackerSnapshot::kind).thenComparing(TrackerSnapshot::name));
        return sorted;
    }

    /** A real server with its virtual server's key. */
    record RealServerRow(String virtualServer, RealServerSnapshot server) {
    }

    /** Labels {@code real_server, virtual_server}: every real server, by its key, then its virtual server's. */
    static List<RealServerRow> realServers(List<VirtualServerSnapshot> virtualServers) {
        List<RealServerRow> rows = new ArrayList<>();
        for (VirtualServerSnapshot vs : virtualServers) {
            for (RealServerSnapshot rs : vs.realServers()) {
                rows.add(new RealServerRow(vs.key(), rs));
            }
        }
        rows.sort(Comparator.comparing((RealServerRow r) -> r.server().key()).thenComparing(RealServerRow::virtualServer));
        return rows;
    }
}
