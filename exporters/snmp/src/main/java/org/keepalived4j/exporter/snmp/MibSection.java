package org.keepalived4j.exporter.snmp;

import java.util.SortedMap;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The objects of one part of a MIB (KEEPALIVED-MIB's global scalars, its VRRP tables, its
 * checker tables, VRRP-MIB, VRRPv3-MIB) as one snapshot of the daemon shows them, with the
 * indexes, types and encodings keepalived serves them with.
 */
public interface MibSection {

    /** The subtree this section's objects live under. */
    OID root();

    /** Adds every object of the section that exists in {@code state}: instance OID to value. */
    void collect(StateSnapshot state, SortedMap<OID, Variable> out);
}
