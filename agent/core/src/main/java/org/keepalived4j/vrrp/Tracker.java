package org.keepalived4j.vrrp;

import org.keepalived4j.model.TrackerSnapshot;

/**
 * One instance's view of a tracked object: the weight and direction it applies.
 *
 * <p>keepalived's rules (vrrp_track.c): weight 0 means a failure puts the instance in FAULT
 * ({@code reverse}: being up does). A positive weight is added while the object is up; a
 * negative weight is added (so subtracted) while it is down; {@code reverse} negates the
 * adjustment. A track_file contributes its value times the weight, and with weight 0 any
 * non-zero value is a fault.
 */
final class Tracker {

    private final TrackedObject object;
    private final int weight;
    private final int multiplier;

    Tracker(TrackedObject object, int weight, boolean reverse) {
        this.object = object;
        this.weight = weight;
        this.multiplier = reverse ? -1 : 1;
    }

    TrackedObject object() {
        return object;
    }

    int weight() {
        return weight;
    }

    /** Whether this tracker alone puts the instance in FAULT now. */
    boolean faults() {
        if (weight != 0 || object.pending()) {
            return false;
        }
        if (isFile()) {
            return object.value() != 0;
        }
        return object.up() != (multiplier == 1);
    }

    /** What this tracker adds to the base priority now. */
    int contribution() {
        if (weight == 0) {
            return 0;
        }
        if (isFile()) {
            long v = object.value() * weight * multiplier;
            return (int) Math.max(-254, Math.min(254, v));
        }
        if (object.pending()) {
            return 0;
        }
        if (weight > 0) {
            return object.up() ? weight * multiplier : 0;
        }
        return object.up() ? 0 : weight * multiplier;
    }

    TrackerSnapshot snapshot() {
        boolean healthy = isFile() ? object.value() == 0 || weight != 0 : object.up();
        return new TrackerSnapshot(object.kind(), object.name(), healthy, weight, contribution());
    }

    private boolean isFile() {
        return "file".equals(object.kind());
    }
}
