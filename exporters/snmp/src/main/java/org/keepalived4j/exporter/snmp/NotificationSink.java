package org.keepalived4j.exporter.snmp;

/**
 * Where notifications go: snmpd over AgentX (which sends them to its trap sinks), or
 * keepalived4j's own trap and inform sinks. {@link #send} never blocks the caller for the
 * network: a sink queues (bounded) and delivers on a thread of its own.
 */
public interface NotificationSink extends AutoCloseable {

    void send(Notification notification);

    @Override
    void close();
}
