package org.keepalived4j.model;

/**
 * The live daemon, as exporters see it.
 */
public interface StateView {

    /** The state at this moment, assembled from the daemon's current per-object snapshots. */
    StateSnapshot current();

    /**
     * Starts delivering events to the listener on a thread of its own; events emitted before
     * this call are not replayed. Close the returned handle to stop.
     */
    AutoCloseable subscribe(StateListener listener);
}
