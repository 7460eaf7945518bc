package org.keepalived4j.model;

/**
 * Receives the daemon's events. Every method does nothing by default; override those you need.
 *
 * <p>Each subscribed listener is called on its own thread, one event at a time, in the order
 * the daemon emitted them, so a slow listener delays only itself. For one change the order is:
 * the VRRP instance's {@link #vrrpStateChanged}, then its sync group's
 * {@link #syncGroupStateChanged}; a real server's {@link #realServerStateChanged}, then its
 * virtual server's {@link #virtualServerQuorumChanged}. A listener that throws is logged and
 * keeps receiving events.
 */
public interface StateListener {

    default void vrrpStateChanged(VrrpStateChanged event) {
    }

    default void syncGroupStateChanged(SyncGroupStateChanged event) {
    }

    default void scriptStateChanged(ScriptStateChanged event) {
    }

    default void realServerStateChanged(RealServerStateChanged event) {
    }

    default void virtualServerQuorumChanged(VirtualServerQuorumChanged event) {
    }

    default void topologyChanged(TopologyChanged event) {
    }

    default void configReloaded(ConfigReloaded event) {
    }
}
