package org.keepalived4j.exporter.snmp;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * One SNMPv2 notification (trap or inform) as the MIB defines it: its OID and its objects, in
 * the MIB's order. The transport puts {@code sysUpTime.0} and {@code snmpTrapOID.0} in front.
 *
 * @param trapOid the notification's OID, e.g. KEEPALIVED-MIB's vrrpInstanceStateChange
 * @param varbinds its objects
 */
public record Notification(OID trapOid, List<VariableBinding> varbinds) {

    public Notification {
        varbinds = List.copyOf(varbinds);
    }
}
