package org.keepalived4j.exporter.snmp.check;

import java.util.SortedMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * One row of a table: puts a column's value at {@code ENTRY.COLUMN.INDEX}, and nothing for a
 * column the row does not have (a {@code null} value), as keepalived leaves such columns out.
 */
final class TableRow {

    private final OID entry;
    private final int[] index;
    private final SortedMap<OID, Variable> out;

    TableRow(OID entry, SortedMap<OID, Variable> out, int... index) {
        this.entry = entry;
        this.index = index.clone();
        this.out = out;
    }

    void put(int column, Variable value) {
        if (value != null) {
            out.put(new OID(entry).append(column).append(new OID(index)), value);
        }
    }

    /**
     * An Unsigned32 as net-snmp sends keepalived's {@code unsigned long}: its low 32 bits
     * (keepalived's microsecond columns and 32-bit statistics wrap).
     */
    static UnsignedInteger32 unsigned32(long value) {
        return new UnsignedInteger32(value & 0xFFFF_FFFFL);
    }
}
