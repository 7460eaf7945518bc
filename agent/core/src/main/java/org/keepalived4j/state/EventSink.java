package org.keepalived4j.state;

import org.keepalived4j.model.StateEvent;

/**
 * Where the daemon's subsystems emit events, after publishing the snapshot that reflects
 * them. Emitting never blocks the caller: delivery happens on each listener's own thread.
 */
@FunctionalInterface
public interface EventSink {

    void emit(StateEvent event);
}
