package org.keepalived4j.exporter.snmp.vrrp;

import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * KEEPALIVED-MIB's vrrp subtree ({@code .1.3.6.1.4.1.9586.100.5.2}): sync groups and their
 * members, instances, what they track, their addresses, routes and rules, and the scripts, files,
 * BFD sessions and processes they track, with keepalived 2.2.7's indexes (positions from 1, in
 * configuration order) and encodings. Served while {@code enable_snmp_vrrp} is set.
 *
 * <p>Where this differs from keepalived: vrrpAddressAdvertising is true for every virtual address
 * (keepalived's says false for all addresses of the second and later instances); the status of
 * virtual routes and rules is false, as this daemon checks them but does not install them; and
 * {@code static_ipaddress}, {@code static_routes} and {@code static_rules}, which keepalived lists
 * as the rows of instance 0, are not in the read model and not served.
 */
public final class KeepalivedVrrpSection implements MibSection {

    /** KEEPALIVED-MIB's vrrp subtree (never changed: OIDs are mutable). */
    static final OID ROOT = new OID("1.3.6.1.4.1.9586.100.5.2");

    private final InterfaceDirectory interfaces;

    /** @param interfaces where interface indexes are looked up by name */
    public KeepalivedVrrpSection(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    @Override
    public OID root() {
        return new OID(ROOT);
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        if (!state.daemon().settings().snmpVrrp()) {
            return;
        }
        new SyncGroupTables(out).collect(state);
        new InstanceTable(table(3, out)).collect(state);
        new TrackedTables(out).collect(state);
        new AddressTable(table(6, out), interfaces).collect(state);
        new RouteTables(table(7, out), table(11, out), interfaces).collect(state);
        new RuleTable(table(8, out)).collect(state);
        new TrackerTables(out).collect(state);
    }

    /** The writer of table {@code number} of the subtree (its entry is {@code number.1}). */
    static Table table(int number, SortedMap<OID, Variable> out) {
        OID entry = new OID(ROOT);
        entry.append(number);
        entry.append(1);
        return new Table(entry, out);
    }
}
