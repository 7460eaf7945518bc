/**
 * An AgentX subagent (RFC 2741) of snmpd: keepalived's own way of serving its MIBs and sending
 * its traps. {@link org.keepalived4j.exporter.snmp.agentx.AgentxSubagent} connects to the master
 * agent, registers the {@link org.keepalived4j.exporter.snmp.MibView}'s subtrees, answers the
 * master's requests from it, refuses every set, and hands notifications to snmpd, which sends
 * them to its trap and inform sinks.
 *
 * <p>Layers: {@code AgentxEncoder}/{@code AgentxDecoder} turn {@code AgentxPdu}s into bytes and
 * back (both byte orders, no I/O); {@code MibViewResponder} answers one master request;
 * {@code AgentxSession} is the session's state machine with time passed in; {@code AgentxLoop}
 * is the one thread that owns the socket and drives the session.
 *
 * <p>How snmpd 5.9 and keepalived 2.2.7 behave, as observed on the wire, and what follows here:
 * <ul>
 * <li>keepalived (net-snmp's subagent library) opens with {@code o.timeout} 1 s and the name
 *     "Net-SNMP AgentX sub-agent", registers every object type of its MIBs separately (about
 *     300 Register PDUs, priority 127, timeout byte 255, an empty non-default context) and adds a
 *     sysORTable entry per MIB ("The MIB module for Keepalived", "... for KEEPALIVED-VRRP",
 *     "... for VRRP", "... for VRRPV3"). This subagent registers each root once, at priority
 *     127, default timeout and context; sysORTable entries come from
 *     {@link org.keepalived4j.exporter.snmp.agentx.AgentxConfig#capabilities()}.
 * <li>snmpd answers in the byte order the subagent opened with, bounds each GetNext by the end
 *     of the registration it falls in (a root's next sibling), sends no GetBulk (a bulk request
 *     reaches the subagent as GetNexts), asks again every agentxTimeout (1 s) and closes the
 *     connection, without a Close PDU, after agentxRetries (5) unanswered tries, and on its own
 *     shutdown.
 * <li>A notification's sysUpTime.0 is snmpd's uptime (net-snmp's subagents carry on the value of
 *     the last Response); snmpd forwards the subagent's sysUpTime.0 and snmpTrapOID.0 unchanged.
 * <li>net-snmp reconnects every 15 s; this subagent starts at 1 s and doubles up to 15 s.
 * </ul>
 */
package org.keepalived4j.exporter.snmp.agentx;
