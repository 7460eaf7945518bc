package org.keepalived4j.exporter.prometheus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
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

    /**
     * The snapshot with instances, groups and scripts by name and virtual servers by key, and
     * each virtual server's real servers by key. An object whose name or key repeats an earlier
     * one's is left out and reported to {@code skipped}: its series would repeat a label set.
     */
    static StateSnapshot sorted(StateSnapshot s, SkippedObjects skipped) {
        List<VrrpInstanceSnapshot> instances = unique(s.vrrpInstances(), VrrpInstanceSnapshot::name,
                "VRRP instance", skipped);
        List<SyncGroupSnapshot> groups = unique(s.syncGroups(), SyncGroupSnapshot::name, "sync group", skipped);
        List<ScriptSnapshot> scripts = unique(s.scripts(), ScriptSnapshot::name, "vrrp_script", skipped);
        List<VirtualServerSnapshot> servers = unique(s.virtualServers(), VirtualServerSnapshot::key,
                "virtual server", skipped);
        for (int i = 0; i < servers.size(); i++) {
            VirtualServerSnapshot vs = servers.get(i);
            List<RealServerSnapshot> real = unique(vs.realServers(), RealServerSnapshot::key,
                    "real server of " + vs.key(), skipped);
            if (real.size() != vs.realServers().size()) {
                servers.set(i, vs.withRealServers(real));
            }
        }
        return new StateSnapshot(s.daemon(), instances, groups, scripts, s.trackFiles(), s.trackProcesses(),
                s.trackBfds(), s.virtualServerGroups(), servers);
    }

    /** {@code items} sorted by {@code key}, the later of two with one key left out. */
    private static <T> List<T> unique(List<T> items, Function<T, String> key, String kind, SkippedObjects skipped) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        for (int i = sorted.size() - 1; i > 0; i--) {
            if (key.apply(sorted.get(i)).equals(key.apply(sorted.get(i - 1)))) {
                skipped.skipped(kind + " " + key.apply(sorted.get(i)));
                sorted.remove(i);
            }
        }
        return sorted;
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

    /** Labels {@code kind, tracker}; a tracker listed twice is served once. */
    static List<TrackerSnapshot> trackers(VrrpInstanceSnapshot instance, SkippedObjects skipped) {
        List<TrackerSnapshot> trackers = instance.status().trackers();
        if (trackers.size() < 2) {
            return trackers;
        }
        List<TrackerSnapshot> sorted = new ArrayList<>(trackers);
        sorted.sort(Comparator.comparing(TrackerSnapshot::kind).thenComparing(TrackerSnapshot::name));
        for (int i = sorted.size() - 1; i > 0; i--) {
            TrackerSnapshot t = sorted.get(i);
            TrackerSnapshot before = sorted.get(i - 1);
            if (t.kind().equals(before.kind()) && t.name().equals(before.name())) {
                skipped.skipped(t.kind() + " " + t.name() + " tracked by " + instance.name());
                sorted.remove(i);
            }
        }
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
