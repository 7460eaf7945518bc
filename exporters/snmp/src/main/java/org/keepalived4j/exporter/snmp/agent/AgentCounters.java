package org.keepalived4j.exporter.snmp.agent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.OID;

/**
 * The agent's SNMP statistics: what SNMPv2-MIB's snmp group, SNMP-MPD-MIB and SNMP-USM-MIB
 * count. snmp4j reports the ones it sees (parse errors, USM failures) as counter events, and
 * fills its USM reports with the value returned here; the agent adds the community checks
 * snmp4j does not make. Thread-safe.
 */
final class AgentCounters implements CounterListener {

    /** Every counter served, by instance OID. */
    static final Set<OID> SERVED = Set.of(SnmpConstants.snmpInPkts, SnmpConstants.snmpInBadVersions,
            SnmpConstants.snmpInBadCommunityNames, SnmpConstants.snmpInBadCommunityUses,
            SnmpConstants.snmpInASNParseErrs, SnmpConstants.snmpSilentDrops, SnmpConstants.snmpProxyDrops,
            SnmpConstants.snmpUnknownSecurityModels, SnmpConstants.snmpInvalidMsgs,
            SnmpConstants.snmpUnknownPDUHandlers, SnmpConstants.usmStatsUnsupportedSecLevels,
            SnmpConstants.usmStatsNotInTimeWindows, SnmpConstants.usmStatsUnknownUserNames,
            SnmpConstants.usmStatsUnknownEngineIDs, SnmpConstants.usmStatsWrongDigests,
            SnmpConstants.usmStatsDecryptionErrors);

    private final Map<OID, AtomicLong> counts = new ConcurrentHashMap<>();

    AgentCounters() {
        for (OID oid : SERVED) {
            counts.put(oid, new AtomicLong());
        }
    }

    @Override
    public void incrementCounter(CounterEvent event) {
        AtomicLong c = counts.get(event.getOid());
        if (c != null) {
            event.setCurrentValue(new Counter32(c.addAndGet(event.getIncrement()) & 0xffffffffL));
        }
    }

    void increment(OID counter) {
        counts.get(counter).incrementAndGet();
    }

    /** The counter's value as Counter32 (wrapping at 2^32 as the type does). */
    Counter32 value(OID counter) {
        return new Counter32(counts.get(counter).get() & 0xffffffffL);
    }
}
