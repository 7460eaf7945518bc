package org.keepalived4j.exporter.snmp.check;

import java.util.List;
import org.keepalived4j.exporter.snmp.global.InetAddressValue;
import org.keepalived4j.model.VirtualServerSettings;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * What a virtual server is defined by, as keepalived tells them apart: a virtual_server_group
 * first, else a non-zero firewall mark, else an address and port (check_snmp.c: {@code v->vsg},
 * then {@code v->vfwmark}).
 */
final class VirtualServerIdentity {

    private final VirtualServerSettings settings;

    VirtualServerIdentity(VirtualServerSettings settings) {
        this.settings = settings;
    }

    boolean group() {
        return settings.groupName() != null;
    }

    boolean fwmark() {
        return !group() && settings.fwmark() != 0;
    }

    /** Defined by an address and port: only then does keepalived hold an address for it. */
    boolean addressed() {
        return !group() && !fwmark();
    }

    /** virtualServerType: fwmark(1), ip(2), group(3). */
    Integer32 type() {
        return new Integer32(group() ? 3 : fwmark() ? 1 : 2);
    }

    /**
     * The objects a notification names it by after virtualServerType: virtualServerNameOfGroup,
     * virtualServerFwMark, or virtualServerAddrType, virtualServerAddress and virtualServerPort
     * (column OIDs without an index, as keepalived sends them).
     */
    void name(List<VariableBinding> out) {
        if (group()) {
            out.add(new VariableBinding(column(3), new OctetString(settings.groupName())));
        } else if (fwmark()) {
            out.add(new VariableBinding(column(4), TableRow.unsigned32(settings.fwmark())));
        } else {
            InetAddressValue address = InetAddressValue.of(settings.address());
            out.add(new VariableBinding(column(5), address.type()));
            out.add(new VariableBinding(column(6), address.address()));
            out.add(new VariableBinding(column(7), TableRow.unsigned32(settings.port())));
        }
    }

    static OID column(int column) {
        return new OID(VirtualServerTable.ENTRY).append(column);
    }
}
