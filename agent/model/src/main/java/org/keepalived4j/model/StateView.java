package org.keepalived4j.model;

import java.util.Optional;

/**
 * The live daemon, as exporters see it.
 */
public interface StateView {

    /** The state at this moment, assembled from the daemon's current per-object snapshots. */
    StateSnapshot current();

    /*
     * One object as it is now. The same as asking current() for it, but an implementation may
     * answer without assembling everything else: a JMX client reading every attribute of every
     * MBean asks these once per attribute.
     */

    /** The daemon as it is now. */
    default DaemonSnapshot daemon() {
        return current().daemon();
    }

    /** The VRRP instance with this name as it is now, if there is one. */
    default Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
        return current().vrrpInstance(name);
    }

    /** The sync group with this name as it is now, if there is one. */
    default Optional<SyncGroupSnapshot> syncGroup(String name) {
        return current().syncGroup(name);
    }

    /** The virtual server with this key (and its real servers) as it is now, if there is one. */
    default Optional<VirtualServerSnapshot> virtualServer(String key) {
        return current().virtualServer(key);
    }

    /**
     * Starts delivering events to the listener on a thread of its own; events emitted before
     * this call are not replayed. Close the returned handle to stop.
     */
    AutoCloseable subscribe(StateListener listener);

    /**
     * As {@link #subscribe}, but first delivers what happened since the daemon started, as far
     * as the event log still holds it (an {@link EventsMissed} says what it no longer does): an
     * exporter started after the VRRP engine and the checkers sees their startup transitions,
     * as keepalived's SNMP traps and notify FIFO report them.
     */
    default AutoCloseable subscribeFromStart(StateListener listener) {
        return subscribe(listener);
    }
}
