package org.keepalived4j.vrrp;

import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;

/** Hears what happens to an instance, on the VRRP loop thread. */
interface InstanceObserver {

    /** The instance changed state (it has already published its new snapshot). */
    void transitioned(VrrpInstance instance, VrrpState from, VrrpState to, TransitionReason reason);

    /** Something its snapshot shows changed (master, interval), without a transition. */
    void changed(VrrpInstance instance);

    /** Its effective priority changed without a transition (a tracker's weight). */
    default void priorityChanged(VrrpInstance instance, int from, int to) {
    }

    /** As MASTER it received an advert of lower priority ({@code notify_master_rx_lower_pri}). */
    default void masterReceivedLowerPriority(VrrpInstance instance, VrrpAddress source, int priority) {
    }

    /**
     * It dropped a packet for an error keepalived reports beyond counting (an authentication
     * failure or protocol error); its snapshot already shows the counter.
     */
    default void packetRejected(VrrpInstance instance, VrrpAddress source,
            org.keepalived4j.model.VrrpPacketError error) {
    }
}
