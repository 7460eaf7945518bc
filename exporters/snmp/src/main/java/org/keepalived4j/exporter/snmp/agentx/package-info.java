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
 */
package org.keepalived4j.exporter.snmp.agentx;
