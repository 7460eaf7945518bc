package org.keepalived4j.exporter.snmp.vrrp;

import java.util.SortedMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * Writes the cells of one conceptual table: entry OID, column, then the row's index. A cell whose
 * value is {@code null} is one the agent does not serve, as keepalived leaves out what is not set.
 */
public final class Table {

    private final OID entry;
    private final SortedMap<OID, Variable> out;

    /**
     * @param entry the table's entry OID (the table OID followed by 1)
     * @param out where the cells go
     */
    public Table(OID entry, SortedMap<OID, Variable> out) {
        this.entry = entry;
        this.out = out;
    }

    /** Writes the cell of {@code column} in the row {@code index}, unless {@code value} is {@code null}. */
    public void cell(int column, OID index, Variable value) {
        if (value == null) {
            return;
        }
        OID oid = new OID(entry);
        oid.append(column);
        oid.append(index);
        out.put(oid, value);
    }

    /** A DisplayString / OCTET STRING of {@code text}, or {@code null} (not served) when there is none. */
    public static OctetString text(String text) {
        return text == null ? null : new OctetString(text);
    }

    /** An index of integer sub-identifiers. */
    public static OID index(int... subIdentifiers) {
        return new OID(subIdentifiers);
    }
}
