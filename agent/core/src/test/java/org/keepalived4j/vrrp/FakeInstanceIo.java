package org.keepalived4j.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;

/** Records what an instance does to the world and what it becomes. */
final class FakeInstanceIo implements InstanceIo, InstanceObserver {

    record Transition(String instance, VrrpState from, VrrpState to, TransitionReason reason) {
    }

    final List<Integer> advertsSent = new ArrayList<>();
    final List<Transition> transitions = new ArrayList<>();
    final List<Integer> announcements = new ArrayList<>();
    int installs;
    int removals;
    int strayRemovals;
    boolean installed;
    int lowerPriorityNotifications;

    @Override
    public void sendAdvert(VrrpInstance instance, int priority) {
        advertsSent.add(priority);
    }

    @Override
    public void installAddresses(VrrpInstance instance) {
        installs++;
        installed = true;
    }

    @Override
    public void removeAddresses(VrrpInstance instance) {
        removals++;
        installed = false;
    }

    @Override
    public void removeStrayAddresses(VrrpInstance instance) {
        strayRemovals++;
        installed = false;
    }

    @Override
    public boolean addressPresent(VrrpInstance instance, int index) {
        return installed;
    }

    @Override
    public void announce(VrrpInstance instance, int repeat) {
        announcements.add(repeat);
    }

    @Override
    public void transitioned(VrrpInstance instance, VrrpState from, VrrpState to, TransitionReason reason) {
        transitions.add(new Transition(instance.name(), from, to, reason));
    }

    @Override
    public void changed(VrrpInstance instance) {
    }

    @Override
    public void masterReceivedLowerPriority(VrrpInstance instance, org.keepalived4j.vrrp.packet.VrrpAddress source,
            int priority) {
        lowerPriorityNotifications++;
    }

    final List<org.keepalived4j.model.VrrpPacketError> rejections = new ArrayList<>();

    @Override
    public void packetRejected(VrrpInstance instance, org.keepalived4j.vrrp.packet.VrrpAddress source,
            org.keepalived4j.model.VrrpPacketError error) {
        rejections.add(error);
    }

    Transition last() {
        return transitions.get(transitions.size() - 1);
    }
}
