package org.keepalived4j.exporter.snmp.vrrp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** What a section serves, written the way golden expectations are: {@code OID} to {@code "TYPE: value"}. */
public final class SnmpObjects {

    private SnmpObjects() {
    }

    /** Every object of {@code section} for {@code state}, in OID order. */
    public static Map<String, String> of(MibSection section, StateSnapshot state) {
        SortedMap<OID, Variable> out = new TreeMap<>();
        section.collect(state, out);
        Map<String, String> objects = new LinkedHashMap<>();
        out.forEach((oid, v) -> objects.put(oid.toDottedString(), SnmpValue.of(v).toString()));
        return objects;
    }

    /** The objects under {@code prefix} (a dotted OID). */
    public static Map<String, String> under(Map<String, String> objects, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        objects.forEach((oid, v) -> {
            if (oid.startsWith(prefix + ".")) {
                out.put(oid, v);
            }
        });
        return out;
    }

    /** A variable as golden expectations write it. */
    public static String value(Variable v) {
        return SnmpValue.of(v).toString();
    }
}
