package org.keepalived4j.exporter.jmx;

import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.EventsMissed;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TopologyChanged;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VrrpStateChanged;

/**
 * Turns the daemon's events into JMX notifications on the matching MBeans, and re-syncs the
 * MBeans when the topology changes. Runs on the subscription's own thread; the MBeans hand the
 * notifications to their listeners on the notifier executor.
 */
final class NotificationForwarder implements StateListener {

    private final MBeanTopology topology;
    private final StateView state;

    NotificationForwarder(MBeanTopology topology, StateView state) {
        this.topology = topology;
        this.state = state;
    }

    @Override
    public void vrrpStateChanged(VrrpStateChanged e) {
        VrrpInstanceBean bean = topology.bean(ObjectNames.vrrpInstance(e.instance()), VrrpInstanceBean.class);
        if (bean != null) {
            bean.stateChanged(e);
        }
    }

    @Override
    public void syncGroupStateChanged(SyncGroupStateChanged e) {
        SyncGroupBean bean = topology.bean(ObjectNames.syncGroup(e.group()), SyncGroupBean.class);
        if (bean != null) {
            bean.stateChanged(e);
        }
    }

    @Override
    public void realServerStateChanged(RealServerStateChanged e) {
        RealServerBean bean = topology.bean(ObjectNames.realServer(e.virtualServer(), e.realServer()),
                RealServerBean.class);
        if (bean != null) {
            bean.stateChanged(e);
        }
    }

    @Override
    public void virtualServerQuorumChanged(VirtualServerQuorumChanged e) {
        VirtualServerBean bean = topology.bean(ObjectNames.virtualServer(e.virtualServer()),
                VirtualServerBean.class);
        if (bean != null) {
            bean.quorumChanged(e);
        }
    }

    @Override
    public void configReloaded(ConfigReloaded e) {
        DaemonBean bean = topology.bean(ObjectNames.daemon(), DaemonBean.class);
        if (bean != null) {
            bean.reloaded(e);
        }
    }

    @Override
    public void topologyChanged(TopologyChanged e) {
        topology.sync(state.current());
    }

    /** Events were lost to this subscriber (it fell behind): a reload among them may have added or removed MBeans. */
    @Override
    public void eventsMissed(EventsMissed e) {
        topology.sync(state.current());
    }
}
