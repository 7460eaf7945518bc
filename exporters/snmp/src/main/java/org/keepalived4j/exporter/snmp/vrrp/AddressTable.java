package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * vrrpAddressTable, indexed by (instance position, address position): the virtual addresses,
 * then the excluded ones. An IPv4 address always has a broadcast (0.0.0.0 when none is
 * configured), an IPv6 one never; the alias and the peer only when configured.
 */
final class AddressTable {

    private final Table table;
    private final InterfaceDirectory interfaces;

    AddressTable(Table table, InterfaceDirectory interfaces) {
        this.table = table;
        this.interfaces = interfaces;
    }

    void collect(StateSnapshot state) {
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            List<AddressSettings> addresses = instance.settings().addresses();
            List<Boolean> present = instance.status().addressesPresent();
            for (int a = 0; a < addresses.size(); a++) {
                AddressSettings address = addresses.get(a);
                OID row = Table.index(instance.settings().index(), address.index());
                boolean set = a < present.size() && present.get(a);
                row(row, address, set);
            }
        }
    }

    private void row(OID row, AddressSettings a, boolean set) {
        table.cell(2, row, InetAddresses.type(a.ipv6()));
        table.cell(3, row, InetAddresses.octets(a.value()));
        if (!a.ipv6()) {
            OctetString broadcast = InetAddresses.octets(a.broadcast());
            table.cell(4, row, broadcast == null ? InetAddresses.unspecified(false) : broadcast);
        }
        table.cell(5, row, Unsigned32.of(a.prefixLength()));
        table.cell(6, row, new Integer32(Scopes.inetScope(Scopes.linuxScope(a.scope()))));
        table.cell(7, row, new Integer32(interfaces.index(a.device())));
        table.cell(8, row, Table.text(a.device()));
        table.cell(9, row, Table.text(a.label()));
        table.cell(10, row, TruthValue.of(set));
        table.cell(11, row, TruthValue.of(a.advertised()));
        table.cell(12, row, InetAddresses.octets(a.peer()));
    }
}
