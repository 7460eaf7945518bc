package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * What the agent serves of itself, next to the daemon's MIBs: sysUpTime.0, the statistics it
 * counts (SNMPv2-MIB's snmp group, SNMP-MPD-MIB and SNMP-USM-MIB stats) and its engine
 * (SNMP-FRAMEWORK-MIB's snmpEngine group). Monitoring tools probe sysUpTime.0 to tell a live
 * agent, and the counters are the only place refused requests show. The rest of the system group
 * (sysDescr, sysName...) is left out: it would need directives of its own.
 */
final class AgentObjects implements MibView {

    /** snmpEnableAuthenTraps.0: disabled(2), since no authenticationFailure trap is sent. */
    static final OID SNMP_ENABLE_AUTHEN_TRAPS = new OID("1.3.6.1.2.1.11.30.0");
    static final OID SNMP_ENGINE_BOOTS = new OID("1.3.6.1.6.3.10.2.1.2.0");
    static final OID SNMP_ENGINE_TIME = new OID("1.3.6.1.6.3.10.2.1.3.0");
    static final OID SNMP_ENGINE_MAX_MESSAGE_SIZE = new OID("1.3.6.1.6.3.10.2.1.4.0");
    private static final List<OID> ROOTS = List.of(new OID("1.3.6.1.2.1.1.3"), new OID("1.3.6.1.2.1.11"),
            new OID("1.3.6.1.6.3.10.2.1"), new OID("1.3.6.1.6.3.11.2.1"), new OID("1.3.6.1.6.3.15.1.1"));

    private final NavigableMap<OID, Supplier<Variable>> objects = new TreeMap<>();

    /** {@code maxMessageSize}: the largest message the agent's transports take. */
    AgentObjects(Uptime uptime, AgentCounters counters, USM usm, int maxMessageSize) {
        objects.put(SnmpConstants.sysUpTime, uptime::now);
        for (OID counter : AgentCounters.SERVED) {
            objects.put(counter, () -> counters.value(counter));
        }
        objects.put(SNMP_ENABLE_AUTHEN_TRAPS, () -> new Integer32(2));
        objects.put(SnmpConstants.snmpEngineID, usm::getLocalEngineID);
        objects.put(SNMP_ENGINE_BOOTS, () -> new Integer32(usm.getEngineBoots()));
        objects.put(SNMP_ENGINE_TIME, () -> new Integer32(usm.getEngineTime()));
        objects.put(SNMP_ENGINE_MAX_MESSAGE_SIZE, () -> new Integer32(maxMessageSize));
    }

    @Override
    public List<OID> roots() {
        return ROOTS;
    }

    @Override
    public Variable get(OID oid) {
        Supplier<Variable> v = objects.get(oid);
        return v == null ? null : v.get();
    }

    @Override
    public VariableBinding next(OID oid) {
        Map.Entry<OID, Supplier<Variable>> e = objects.higherEntry(oid);
        return e == null ? null : new VariableBinding(e.getKey(), e.getValue().get());
    }
}
