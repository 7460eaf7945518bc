package org.keepalived4j.exporter.snmp.check;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.global.InetAddressValue;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerGroupSnapshot.Member;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * virtualServerGroupTable and virtualServerGroupMemberTable (check_snmp_vsgroup,
 * check_snmp_vsgroupmember). keepalived keeps a group's firewall marks and its addresses in two
 * lists and numbers the members across them, marks first: a group written
 * {@code 10.0.0.1 80; fwmark 7} has the mark as member 1 and the address as member 2.
 */
final class VirtualServerGroupTable {

    static final OID GROUP_ENTRY = new OID(CheckSection.ROOT).append("1.1");
    static final OID MEMBER_ENTRY = new OID(CheckSection.ROOT).append("2.1");

    private VirtualServerGroupTable() {
    }

    static void put(VirtualServerGroupSnapshot group, SortedMap<OID, Variable> out) {
        new TableRow(GROUP_ENTRY, out, group.index()).put(2, new OctetString(group.name()));
        List<Member> ordered = new ArrayList<>();
        group.members().stream().filter(VirtualServerGroupTable::isFwmark).forEach(ordered::add);
        group.members().stream().filter(m -> !isFwmark(m)).forEach(ordered::add);
        for (int i = 0; i < ordered.size(); i++) {
            member(ordered.get(i), new TableRow(MEMBER_ENTRY, out, group.index(), i + 1));
        }
    }

    private static void member(Member m, TableRow row) {
        if (isFwmark(m)) {
            row.put(2, new Integer32(1));
            row.put(3, TableRow.unsigned32(m.fwmark()));
            return;
        }
        InetAddressValue first = InetAddressValue.of(m.first());
        boolean range = m.last() != null && !InetAddressValue.of(m.last()).equals(first);
        row.put(2, new Integer32(range ? 3 : 2));
        row.put(4, first.type());
        row.put(range ? 6 : 5, first.address());
        if (range) {
            row.put(7, InetAddressValue.of(m.last()).address());
        }
        row.put(8, TableRow.unsigned32(m.port()));
    }

    private static boolean isFwmark(Member m) {
        return m.first() == null;
    }
}
