package org.keepalived4j.model;

import java.time.Instant;

/**
 * A tracked interface, file, process or BFD session became healthy or unhealthy (scripts have
 * their own {@link ScriptStateChanged}). Each instance tracking it re-evaluates its priority
 * and FAULT state; those changes follow as their own events.
 *
 * @param kind {@code interface}, {@code file}, {@code process} or {@code bfd}
 * @param name the interface or the object's name
 * @param up whether it is healthy now
 * @param timestamp when
 */
public record TrackerChanged(String kind, String name, boolean up, Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.trackerChanged(this);
    }
}
