package org.keepalived4j.exporter.snmp.agentx;

import java.time.Duration;
import java.util.List;
import org.snmp4j.smi.OID;

/**
 * How the subagent behaves toward snmpd. {@link #defaults()} follows keepalived (through
 * net-snmp): registrations at priority 127, a reconnection attempt at most every 15 s, a ping
 * every 15 s.
 *
 * @param queueCapacity how many notifications wait for snmpd; when full the oldest is dropped
 * @param responseTimeout how long snmpd may take to answer the subagent's own requests (Open,
 *        Register, Notify, Ping) before the connection is given up and made again
 * @param pingInterval how long the connection may stay quiet before a Ping checks it
 * @param reconnectMin the first delay before connecting again; doubled after each failure
 * @param reconnectMax the longest delay between attempts
 * @param closeTimeout how long {@link AgentxSubagent#close()} may spend delivering what is queued
 *        and closing the session
 * @param priority the registrations' priority, 1 (highest) to 255; net-snmp's default is 127
 * @param capabilities sysORTable entries to add (agentx-AddAgentCaps-PDU), as keepalived adds one
 *        per MIB ("The MIB module for ...")
 */
public record AgentxConfig(int queueCapacity, Duration responseTimeout, Duration pingInterval,
        Duration reconnectMin, Duration reconnectMax, Duration closeTimeout, int priority,
        List<Capability> capabilities) {

    /** A sysORTable entry: the MIB module's OID and its description. */
    public record Capability(OID id, String description) {
    }

    public AgentxConfig {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity);
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority " + priority + " is not within 1-255");
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnect delays " + reconnectMin + " to " + reconnectMax);
        }
        capabilities = List.copyOf(capabilities);
    }

    public static AgentxConfig defaults() {
        return new AgentxConfig(1000, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(15), Duration.ofSeconds(2), 127, List.of());
    }

    public AgentxConfig withCapabilities(List<Capability> entries) {
        return new AgentxConfig(queueCapacity, responseTimeout, pingInterval, reconnectMin, reconnectMax, closeTimeout,
                priority, entries);
    }
}
