/**
 * keepalived4j's own SNMP agent and notification sinks, for hosts without snmpd, configured by a
 * {@code keepalived4j_snmp} block in net-snmp's snmpd.conf(5) words:
 * {@link org.keepalived4j.exporter.snmp.agent.SnmpAgentSettings} reads and checks the block,
 * {@link org.keepalived4j.exporter.snmp.agent.StandaloneSnmp} starts the agent (answering reads
 * from a {@link org.keepalived4j.exporter.snmp.MibView}, refusing every write) and one queued
 * sender per trap or inform destination, fanned out behind one
 * {@link org.keepalived4j.exporter.snmp.NotificationSink}.
 */
package org.keepalived4j.exporter.snmp.agent;
