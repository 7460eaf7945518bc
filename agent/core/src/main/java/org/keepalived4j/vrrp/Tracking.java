package org.keepalived4j.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.TrackerSnapshot;

/**
 * Everything one VRRP instance tracks, and what it means for the instance: a fault, or an
 * adjustment of the base priority. An address owner (priority 255) is never adjusted, and
 * any other effective priority stays within 1..254, as in keepalived.
 */
final class Tracking {

    private final List<Tracker> trackers;

    Tracking(List<Tracker> trackers) {
        this.trackers = List.copyOf(trackers);
    }

    static Tracking none() {
        return new Tracking(List.of());
    }

    boolean fault() {
        for (Tracker t : trackers) {
            if (t.faults()) {
                return true;
            }
        }
        return false;
    }

    /** The effective priority for this base priority. */
    int effectivePriority(int basePriority) {
        if (basePriority == 255) {
            return 255;
        }
        int total = basePriority;
        for (Tracker t : trackers) {
            total += t.contribution();
        }
        return Math.max(1, Math.min(254, total));
    }

    boolean tracks(TrackedObject object) {
        for (Tracker t : trackers) {
            if (t.object() == object) {
                return true;
            }
        }
        return false;
    }

    List<TrackerSnapshot> snapshots() {
        List<TrackerSnapshot> out = new ArrayList<>(trackers.size());
        for (Tracker t : trackers) {
            out.add(t.snapshot());
        }
        return out;
    }
}
