/**
 * SNMP for keepalived4j: KEEPALIVED-MIB, VRRP-MIB (RFC 2787) and VRRPv3-MIB (RFC 6527) tables
 * and notifications, read from the model. {@link org.keepalived4j.exporter.snmp.MibSection}s
 * build the objects of each MIB from a snapshot, a {@link org.keepalived4j.exporter.snmp.MibView}
 * serves them, {@link org.keepalived4j.exporter.snmp.NotificationSource}s turn events into
 * notifications, and two transports carry both: an AgentX subagent of snmpd (keepalived's own
 * way) and an agent and trap sender of keepalived4j's own for hosts without snmpd.
 */
package org.keepalived4j.exporter.snmp;
