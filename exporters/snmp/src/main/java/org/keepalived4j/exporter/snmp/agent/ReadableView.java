package org.keepalived4j.exporter.snmp.agent;

import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * What one request may read: the served objects inside the subtree its community or user is
 * granted, without Counter64 values for SNMPv1, which cannot carry them (RFC 3584 section 4.2.2:
 * such objects are skipped by GetNext and absent to Get).
 */
final class ReadableView {

    private final MibView view;
    private final Subtree subtree;
    private final boolean v1;

    ReadableView(MibView view, Subtree subtree, boolean v1) {
        this.view = view;
        this.subtree = subtree;
        this.v1 = v1;
    }

    /** Whether the request is SNMPv1's, which reports a missing object as an error. */
    boolean v1() {
        return v1;
    }

    /** The value of exactly {@code oid}, or {@code null} when it cannot be read. */
    Variable get(OID oid) {
        if (!subtree.contains(oid)) {
            return null;
        }
        Variable v = view.get(oid);
        return v == null || (v1 && v instanceof Counter64) ? null : v;
    }

    /** The first readable object after {@code oid}, or {@code null} past the last one. */
    VariableBinding next(OID oid) {
        OID from = oid.compareTo(subtree.root()) < 0 ? subtree.root() : oid;
        while (true) {
            VariableBinding vb = view.next(from);
            if (vb == null || !subtree.contains(vb.getOid())) {
                return null; // objects come in OID order: once past the subtree, nothing follows inside it
            }
            if (!(v1 && vb.getVariable() instanceof Counter64)) {
                return vb;
            }
            from = vb.getOid();
        }
    }

    /**
     * Whether an object that {@link #get} did not find is a missing instance of an object type
     * the view serves (noSuchInstance) rather than an unknown object type (noSuchObject). As
     * net-snmp answers for a registered subtree, only an OID inside one of the view's subtrees
     * that holds objects now can be a missing instance: a subtree keepalived would not register
     * (enable_snmp_rfcv2 without a VRRPv2 instance, no virtual server for the checker) answers
     * noSuchObject, as snmpd does for it. Inside, the view knows instances, not object types: an
     * OID whose parent is an instance, or has instances, is taken for a missing instance (as
     * net-snmp answers sysUpTime.1 and sysUpTime.0.1).
     */
    boolean knowsParentOf(OID oid) {
        if (oid.size() < 2 || view.roots().stream().noneMatch(root -> oid.startsWith(root) && holdsObjects(root))) {
            return false;
        }
        OID parent = new OID(oid.getValue(), 0, oid.size() - 1);
        return holdsObjects(parent);
    }

    /** Whether {@code oid} is a readable object or has readable objects under it. */
    private boolean holdsObjects(OID oid) {
        if (get(oid) != null) {
            return true;
        }
        VariableBinding vb = next(oid);
        return vb != null && vb.getOid().startsWith(oid);
    }
}
