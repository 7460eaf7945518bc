package org.keepalived4j.exporter.prometheus;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Alert sink MBeans as the alerts exporter registers them ({@code keepalived:type=AlertSink,name=SINK}),
 * for tests of what reads them: the Prometheus exporter does not depend on the alerts exporter.
 */
final class AlertSinkBeans {

    private AlertSinkBeans() {
    }

    /** The attributes the alerts exporter's AlertSink MBean has. */
    public interface SinkMXBean {
        long getSent();

        long getFailed();

        long getRetried();

        long getDropped();

        int getQueued();

        long getSpoolBytes();

        double getOldestUndeliveredSeconds();

        long getHeld();

        String getLastError();
    }

    record Sink(long getSent, long getFailed, int getQueued, String getLastError) implements SinkMXBean {
        @Override
        public long getRetried() {
            return getFailed;
        }

        @Override
        public long getDropped() {
            return 0;
        }

        @Override
        public long getSpoolBytes() {
            return 4096;
        }

        @Override
        public double getOldestUndeliveredSeconds() {
            return getQueued > 0 ? 12.5 : 0;
        }

        @Override
        public long getHeld() {
            return getSent * 2;
        }
    }

    /** Registers a sink's MBean under its name; returns the name, to unregister it. */
    static ObjectName register(MBeanServer server, String sink, Sink bean) throws JMException {
        ObjectName name = new ObjectName("keepalived:type=AlertSink,name=" + ObjectName.quote(sink));
        server.registerMBean(new StandardMBean(bean, SinkMXBean.class, true), name);
        return name;
    }
}
