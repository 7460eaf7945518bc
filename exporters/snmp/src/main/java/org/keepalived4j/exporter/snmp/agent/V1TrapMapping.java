package org.keepalived4j.exporter.snmp.agent;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.PDUv1;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * An SNMPv2 notification as an SNMPv1 Trap-PDU, by RFC 3584 section 3.2 (the mapping net-snmp's
 * {@code trapsink} applies): a standard trap (coldStart...egpNeighborLoss) keeps its generic-trap
 * number; any other becomes enterpriseSpecific(6) with the OID's last sub-identifier as
 * specific-trap and the rest, less a trailing 0, as enterprise. snmpTrapEnterprise.0 overrides the
 * enterprise of a standard trap. Counter64 bindings, which SNMPv1 cannot carry, are left out.
 */
final class V1TrapMapping {

    static final OID SNMP_TRAPS = new OID("1.3.6.1.6.3.1.1.5");
    static final OID SNMP_TRAP_ENTERPRISE = new OID("1.3.6.1.6.3.1.1.4.3.0");
    static final OID SNMP_TRAP_ADDRESS = new OID("1.3.6.1.6.3.18.1.3.0");
    private static final int ENTERPRISE_SPECIFIC = 6;

    private V1TrapMapping() {
    }

    /**
     * @param uptime the trap's time-stamp
     * @param agentAddress agent-addr unless the notification carries snmpTrapAddress.0
     */
    static PDUv1 toV1(Notification n, TimeTicks uptime, InetAddress agentAddress) {
        PDUv1 pdu = new PDUv1();
        pdu.setType(PDUv1.V1TRAP);
        OID trap = n.trapOid();
        Variable enterprise = value(n, SNMP_TRAP_ENTERPRISE);
        if (trap.size() == SNMP_TRAPS.size() + 1 && trap.startsWith(SNMP_TRAPS) && trap.last() >= 1 && trap.last() <= 6) {
            pdu.setGenericTrap(trap.last() - 1);
            pdu.setSpecificTrap(0);
            pdu.setEnterprise(enterprise instanceof OID e ? e : SNMP_TRAPS);
        } else {
            pdu.setGenericTrap(ENTERPRISE_SPECIFIC);
            pdu.setSpecificTrap(trap.last());
            int cut = trap.size() >= 2 && trap.get(trap.size() - 2) == 0 ? 2 : 1;
            pdu.setEnterprise(new OID(trap.getValue(), 0, trap.size() - cut));
        }
        Variable address = value(n, SNMP_TRAP_ADDRESS);
        pdu.setAgentAddress(address instanceof IpAddress a ? a : new IpAddress(agentAddress));
        pdu.setTimestamp(uptime.getValue());
        List<VariableBinding> vbs = new ArrayList<>();
        for (VariableBinding vb : n.varbinds()) {
            if (!(vb.getVariable() instanceof Counter64)) {
                vbs.add(vb);
            }
        }
        pdu.setVariableBindings(vbs);
        return pdu;
    }

    private static Variable value(Notification n, OID oid) {
        for (VariableBinding vb : n.varbinds()) {
            if (vb.getOid().equals(oid)) {
                return vb.getVariable();
            }
        }
        return null;
    }
}
