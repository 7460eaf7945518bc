package org.keepalived4j.model;

/**
 * Receives the daemon's events. Every method does nothing by default; override those you need.
 *
 * <p>Each subscribed listener is called on its own thread, one event at a time, in the order
 * the daemon emitted them, so a slow listener delays only itself. For one change the order is:
 * the VRRP instance's {@link #vrrpStateChanged}, then those of the sync group members it moved,
 * then the group's {@link #syncGroupStateChanged}; a real server's {@link #realServerStateChanged},
 * then its virtual server's {@link #virtualServerQuorumChanged}. A stop ends with
 * {@link #daemonStopping}. A listener that throws is logged and keeps receiving events.
 *
 * <p>A listener that falls so far behind that the daemon's event log has dropped what it did not
 * read gets {@link #eventsMissed} first, then carries on from the oldest event still held.
 */
public interface StateListener {

    /**
     * Every event, with its sequence number (increasing by one per event the daemon emits, from
     * 1 at start). The default calls the event's typed method below; a listener that needs the
     * sequence number (to remember how far it got) overrides this one.
     */
    default void onEvent(long sequence, StateEvent event) {
        event.dispatchTo(this);
    }

    default void vrrpStateChanged(VrrpStateChanged event) {
    }

    default void syncGroupStateChanged(SyncGroupStateChanged event) {
    }

    default void scriptStateChanged(ScriptStateChanged event) {
    }

    default void trackerChanged(TrackerChanged event) {
    }

    default void priorityChanged(PriorityChanged event) {
    }

    default void masterReceivedLowerPriority(MasterReceivedLowerPriority event) {
    }

    default void vrrpPacketRejected(VrrpPacketRejected event) {
    }

    default void realServerStateChanged(RealServerStateChanged event) {
    }

    default void virtualServerQuorumChanged(VirtualServerQuorumChanged event) {
    }

    default void topologyChanged(TopologyChanged event) {
    }

    default void configReloaded(ConfigReloaded event) {
    }

    default void daemonStopping(DaemonStopping event) {
    }

    default void eventsMissed(EventsMissed event) {
    }
}
