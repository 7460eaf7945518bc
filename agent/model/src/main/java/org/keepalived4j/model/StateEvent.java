package org.keepalived4j.model;

import java.time.Instant;

/**
 * Something that changed in the daemon. Events are emitted after the new snapshot is
 * published, so a listener that reads {@link StateView#current()} on receipt sees at least the
 * state the event describes.
 */
public sealed interface StateEvent permits VrrpStateChanged, SyncGroupStateChanged, ScriptStateChanged,
        RealServerStateChanged, VirtualServerQuorumChanged, TopologyChanged, ConfigReloaded {

    /** When the change happened. */
    Instant timestamp();

    /** Calls the listener method for this event type. */
    void dispatchTo(StateListener listener);
}
