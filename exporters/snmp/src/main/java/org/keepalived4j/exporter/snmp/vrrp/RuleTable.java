package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;
import org.keepalived4j.model.RuleSettings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * vrrpRuleTable, indexed by (instance position, rule position). keepalived gives a rule without
 * a preference one of its own, counting down from 16384 per address family in configuration
 * order; it serves columns up to vrrpRuleL3mdev. This daemon checks virtual rules but does not
 * install them, so vrrpRuleStatus is always false(2).
 */
final class RuleTable {

    private static final long FIRST_AUTOMATIC_PREFERENCE = 16384;

    private final Table table;

    RuleTable(Table table) {
        this.table = table;
    }

    void collect(StateSnapshot state) {
        long nextIpv4 = FIRST_AUTOMATIC_PREFERENCE;
        long nextIpv6 = FIRST_AUTOMATIC_PREFERENCE;
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            List<RuleSettings> all = instance.settings().rules();
            for (int r = 0; r < all.size(); r++) {
                RuleSettings settings = all.get(r);
                RuleLine line = RuleLine.parse(settings.words());
                long preference;
                if (settings.preference() != null) {
                    preference = settings.preference();
                } else if (line.preference != null) {
                    preference = line.preference;
                } else {
                    preference = line.ipv6 ? nextIpv6-- : nextIpv4--;
                }
                row(Table.index(instance.settings().index(), r + 1), line, preference);
            }
        }
    }

    private void row(OID row, RuleLine r, long preference) {
        String direction = r.to != null ? r.from != null ? "both" : "to" : r.from != null ? "from" : "";
        table.cell(2, row, Table.text(direction));
        address(row, 3, r.to != null ? r.to : r.from);
        boolean toTable = r.action == RuleLine.TO_TABLE;
        table.cell(6, row, toTable ? Unsigned32.of(r.table) : null);
        table.cell(7, row, TruthValue.of(false));
        table.cell(8, row, TruthValue.of(r.invert));
        address(row, 9, r.to);
        address(row, 12, r.from);
        table.cell(15, row, Unsigned32.of(r.tos));
        table.cell(16, row, gauge(r.fwmark));
        table.cell(17, row, gauge(r.fwmask));
        table.cell(18, row, r.realms == 0 ? null : Unsigned32.of(r.realms & 0xFFFF));
        table.cell(19, row, (r.realms >>> 16) == 0 ? null : Unsigned32.of(r.realms >>> 16));
        table.cell(20, row, r.inInterface == null ? null : Table.text(r.inInterface));
        table.cell(21, row, r.outInterface == null ? null : Table.text(r.outInterface));
        table.cell(22, row, r.action == RuleLine.GOTO ? Unsigned32.of(r.gotoTarget) : null);
        table.cell(23, row, new Integer32(r.action));
        table.cell(24, row, toTable ? Unsigned32.of(r.table) : null);
        table.cell(25, row, preference == 0 ? null : Unsigned32.of(preference));
        table.cell(26, row, gauge(r.suppressPrefixLength));
        table.cell(27, row, r.suppressGroup == null ? null : Table.text(r.suppressGroup));
        table.cell(28, row, r.tunnelId == 0 ? null : Unsigned32.of(r.tunnelId >>> 32));
        table.cell(29, row, r.tunnelId == 0 ? null : Unsigned32.of(r.tunnelId & 0xFFFFFFFFL));
        table.cell(30, row, r.uidRange == null ? null : Unsigned32.of(r.uidRange[0]));
        table.cell(31, row, r.uidRange == null ? null : Unsigned32.of(r.uidRange[1]));
        table.cell(32, row, r.l3mdev ? new Integer32(1) : null);
    }

    /** An address in three columns from {@code typeColumn}: its type, its value, its prefix length. */
    private void address(OID row, int typeColumn, String address) {
        if (address != null) {
            table.cell(typeColumn, row, InetAddresses.type(InetAddresses.isIpv6(address)));
            table.cell(typeColumn + 1, row, InetAddresses.octets(address));
            table.cell(typeColumn + 2, row, Unsigned32.of(Prefixes.length(address)));
        }
    }

    private static Variable gauge(Long value) {
        return value == null ? null : Unsigned32.of(value);
    }
}
