package org.keepalived4j.vrrp;

/**
 * Something VRRP instances track (an interface, a vrrp_script, a track_file, a process): its
 * current status, shared by every instance and sync group that tracks it. Owned and changed
 * by the VRRP loop thread only.
 */
final class TrackedObject {

    /** What kind of object it is, as named in snapshots: interface, script, file, process, bfd. */
    private final String kind;
    private final String name;
    private boolean up;
    private boolean pending;
    private long value;

    TrackedObject(String kind, String name, boolean initiallyUp) {
        this.kind = kind;
        this.name = name;
        this.up = initiallyUp;
        this.value = 0;
    }

    String kind() {
        return kind;
    }

    String name() {
        return name;
    }

    boolean up() {
        return up;
    }

    /** For track_file: the number the file holds (0 when unreadable). */
    long value() {
        return value;
    }

    /**
     * Whether no verdict exists yet (a vrrp_script that has not finished its first run): it
     * neither faults an instance nor adjusts its priority until it has one.
     */
    boolean pending() {
        return pending;
    }

    void markPending() {
        pending = true;
    }

    /** Returns whether anything changed. */
    boolean setUp(boolean nowUp) {
        boolean changed = nowUp != up || pending;
        up = nowUp;
        pending = false;
        return changed;
    }

    /** Returns whether anything changed. */
    boolean setValue(long newValue) {
        boolean changed = newValue != value;
        value = newValue;
        return changed;
    }
}
