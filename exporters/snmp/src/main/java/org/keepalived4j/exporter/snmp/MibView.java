package org.keepalived4j.exporter.snmp;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * What an SNMP agent serves of the daemon: the objects of the enabled MIB sections, read from
 * the live state. Both ways of serving them (an AgentX subagent of snmpd, and keepalived4j's own
 * agent) answer Get, GetNext and GetBulk from one view.
 */
public interface MibView {

    /** The subtrees served, in OID order (what an AgentX subagent registers). */
    List<OID> roots();

    /** The value of exactly {@code oid}, or {@code null} when there is no such object instance. */
    Variable get(OID oid);

    /**
     * The first object after {@code oid} in OID order, within the served subtrees, or
     * {@code null} past the last one.
     */
    VariableBinding next(OID oid);
}
