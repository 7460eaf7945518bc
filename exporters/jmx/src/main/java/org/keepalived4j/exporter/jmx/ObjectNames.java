package org.keepalived4j.exporter.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The names of keepalived4j's MBeans, all in the {@code keepalived} domain. Values are quoted,
 * so IPv6 addresses, colons and commas in keys are safe.
 */
final class ObjectNames {

    static final String DOMAIN = "keepalived";

    private ObjectNames() {
    }

    static ObjectName daemon() {
        return of(DOMAIN + ":type=Daemon");
    }

    static ObjectName vrrpInstance(String name) {
        return of(DOMAIN + ":type=VrrpInstance,name=" + ObjectName.quote(name));
    }

    static ObjectName syncGroup(String name) {
        return of(DOMAIN + ":type=SyncGroup,name=" + ObjectName.quote(name));
    }

    static ObjectName virtualServer(String key) {
        return of(DOMAIN + ":type=VirtualServer,name=" + ObjectName.quote(key));
    }

    static ObjectName realServer(String virtualServer, String key) {
        return of(DOMAIN + ":type=RealServer,virtualServer=" + ObjectName.quote(virtualServer) + ",name="
                + ObjectName.quote(key));
    }

    /** Every keepalived4j MBean. */
    static ObjectName all() {
        return of(DOMAIN + ":*");
    }

    private static ObjectName of(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
