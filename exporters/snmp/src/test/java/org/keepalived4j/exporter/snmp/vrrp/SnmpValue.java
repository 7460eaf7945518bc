package org.keepalived4j.exporter.snmp.vrrp;

import java.util.HexFormat;
import java.util.Locale;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * A value as net-snmp prints it with {@code -On -Ox}: its type word and its value (numbers in
 * decimal, octet strings as upper-case hex bytes separated by spaces, TimeTicks as the number of
 * hundredths). Both sides of a comparison with the real keepalived are brought to this form.
 *
 * @param type {@code INTEGER}, {@code Gauge32}, {@code Counter32}, {@code Counter64},
 *        {@code Timeticks}, {@code IpAddress}, {@code Hex-STRING} or {@code OID}
 * @param value the value
 */
public record SnmpValue(String type, String value) {

    /** Types whose value depends on time (counters, up times): compared by type only. */
    boolean timeDependent() {
        return type.startsWith("Counter") || type.equals("Timeticks");
    }

    public static SnmpValue of(Variable v) {
        if (v instanceof TimeTicks t) {
            return new SnmpValue("Timeticks", Long.toString(t.getValue()));
        }
        if (v instanceof Counter32 c) {
            return new SnmpValue("Counter32", Long.toString(c.getValue()));
        }
        if (v instanceof Gauge32 g) {
            return new SnmpValue("Gauge32", Long.toString(g.getValue()));
        }
        if (v instanceof Counter64 c) {
            return new SnmpValue("Counter64", Long.toUnsignedString(c.getValue()));
        }
        if (v instanceof Integer32 i) {
            return new SnmpValue("INTEGER", Integer.toString(i.getValue()));
        }
        if (v instanceof IpAddress a) {
            return new SnmpValue("IpAddress", a.toString());
        }
        if (v instanceof OctetString s) {
            return new SnmpValue("Hex-STRING", hex(s.getValue()));
        }
        if (v instanceof OID o) {
            return new SnmpValue("OID", "." + o);
        }
        throw new IllegalArgumentException("no net-snmp form for " + v.getSyntaxString());
    }

    /** Parses what follows {@code OID = } in net-snmp's output. */
    static SnmpValue parse(String text) {
        String t = text.strip();
        if (t.equals("\"\"")) {
            return new SnmpValue("Hex-STRING", "");
        }
        int colon = t.indexOf(": ");
        if (colon < 0) {
            throw new IllegalArgumentException("no type in '" + text + "'");
        }
        String type = t.substring(0, colon);
        String value = t.substring(colon + 2).strip();
        if (type.equals("Timeticks")) {
            value = value.substring(1, value.indexOf(')'));
        } else if (type.equals("STRING")) {
            type = "Hex-STRING";
            value = hex(value.substring(1, value.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else if (type.equals("Hex-STRING")) {
            value = value.replaceAll("\\s+", " ").strip();
        }
        return new SnmpValue(type, value);
    }

    static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(HexFormat.of().toHexDigits(x).toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return type + ": " + value;
    }
}
