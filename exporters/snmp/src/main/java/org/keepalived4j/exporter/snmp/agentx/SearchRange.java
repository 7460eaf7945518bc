package org.keepalived4j.exporter.snmp.agentx;

import org.snmp4j.smi.OID;

/**
 * An AgentX SearchRange (RFC 2741 5.2): the objects from {@code start} (itself only when
 * {@code include}) up to but excluding {@code end}; an empty {@code end} (the null OID) leaves
 * the range open.
 */
record SearchRange(OID start, boolean include, OID end) {

    SearchRange {
        end = end == null ? new OID() : end;
    }

    /** Whether {@code oid} lies before the range's end. */
    boolean beforeEnd(OID oid) {
        return end.size() == 0 || oid.compareTo(end) < 0;
    }
}
