package org.keepalived4j.exporter.jmx;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one registered MBean per object of the live state: {@link #sync} registers what is new
 * and unregisters what is gone (startup, reload). It remembers only which MBeans it registered,
 * never any state; attribute values are read from the view on every request.
 */
final class MBeanTopology {

    private static final Logger LOG = LoggerFactory.getLogger(MBeanTopology.class);

    private final MBeanServer server;
    private final StateView state;
    private final Executor notifier;
    private final Map<ObjectName, LiveBean> registered = new HashMap<>();

    MBeanTopology(MBeanServer server, StateView state, Executor notifier) {
        this.server = server;
        this.state = state;
        this.notifier = notifier;
    }

    /** Makes the registered MBeans match {@code snapshot}. */
    synchronized void sync(StateSnapshot snapshot) {
        Map<ObjectName, LiveBean> wanted = new LinkedHashMap<>();
        want(wanted, new DaemonBean(state, notifier));
        for (VrrpInstanceSnapshot i : snapshot.vrrpInstances()) {
            want(wanted, new VrrpInstanceBean(state, i.name(), notifier));
        }
        for (SyncGroupSnapshot g : snapshot.syncGroups()) {
            want(wanted, new SyncGroupBean(state, g.name(), notifier));
        }
        for (VirtualServerSnapshot vs : snapshot.virtualServers()) {
            want(wanted, new VirtualServerBean(state, vs.key(), notifier));
            for (RealServerSnapshot rs : vs.realServers()) {
                want(wanted, new RealServerBean(state, vs.key(), rs.key(), notifier));
            }
        }
        for (ObjectName name : Map.copyOf(registered).keySet()) {
            if (!wanted.containsKey(name)) {
                unregister(name);
            }
        }
        for (Map.Entry<ObjectName, LiveBean> e : wanted.entrySet()) {
            if (!registered.containsKey(e.getKey())) {
                register(e.getValue());
            }
        }
    }

    private void want(Map<ObjectName, LiveBean> wanted, LiveBean bean) {
        if (!registered.containsKey(bean.objectName())) {
            wanted.put(bean.objectName(), bean);
        } else {
            wanted.put(bean.objectName(), registered.get(bean.objectName()));
        }
    }

    private void register(LiveBean bean) {
        try {
            server.registerMBean(bean, bean.objectName());
            registered.put(bean.objectName(), bean);
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("MBean {} is already registered by someone else; not replacing it", bean.objectName());
        } catch (JMException e) {
            LOG.warn("Cannot register MBean {}", bean.objectName(), e);
        }
    }

    private void unregister(ObjectName name) {
        registered.remove(name);
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException alreadyGone) {
            // someone unregistered it already
        } catch (JMException e) {
            LOG.warn("Cannot unregister MBean {}", name, e);
        }
    }

    /** The registered MBean with this name, if it is of this type. */
    synchronized <T extends LiveBean> T bean(ObjectName name, Class<T> type) {
        LiveBean bean = registered.get(name);
        return type.isInstance(bean) ? type.cast(bean) : null;
    }

    /** Unregisters every MBean this topology registered. */
    synchronized void clear() {
        for (ObjectName name : Map.copyOf(registered).keySet()) {
            unregister(name);
        }
    }

    synchronized int size() {
        return registered.size();
    }
}
