package org.keepalived4j.model;

import java.time.Instant;

/**
 * Something that changed in the daemon. Events are emitted after the new snapshot is
 * published, so a listener that reads {@link StateView#current()} on receipt sees at least the
 * state the event describes; an event about an object carries that object's snapshot as it was
 * right after the change, settings included, so a listener never needs to look the object up
 * (it may be gone by then). The daemon numbers its events: see {@link StateListener#onEvent}.
 */
public sealed interface StateEvent permits VrrpStateChanged, SyncGroupStateChanged, ScriptStateChanged,
        TrackerChanged, PriorityChanged, MasterReceivedLowerPriority, VrrpPacketRejected, RealServerStateChanged,
        VirtualServerQuorumChanged, TopologyChanged, ConfigReloaded, DaemonStopping, EventsMissed {

    /** When the change happened. */
    Instant timestamp();

    /** Calls the listener method for this event type. */
    void dispatchTo(StateListener listener);
}
