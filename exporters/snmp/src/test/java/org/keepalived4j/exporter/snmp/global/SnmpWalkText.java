package org.keepalived4j.exporter.snmp.global;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * Objects as net-snmp's snmpwalk prints them with {@code -On}: {@code .OID = TYPE: VALUE} lines,
 * hex values wrapped onto the lines that follow, {@code #} comments; and the typed values alone
 * ({@code INTEGER: 2}, {@code STRING: "lb1"}, {@code Hex-STRING: 0A 00 00 01}, {@code Gauge32: 80},
 * {@code Counter32: 0}, {@code Counter64: 0}, {@code ""}), which the tests' expectations use too.
 */
public final class SnmpWalkText {

    private SnmpWalkText() {
    }

    static SortedMap<OID, Variable> read(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static SortedMap<OID, Variable> parse(String text) {
        List<String> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(".")) {
                objects.add(line.strip());
            } else if (!line.isBlank() && !line.startsWith("#") && !objects.isEmpty()) {
                int last = objects.size() - 1;
                objects.set(last, objects.get(last) + " " + line.strip());
            }
        }
        SortedMap<OID, Variable> out = new TreeMap<>();
        for (String object : objects) {
            int eq = object.indexOf(" = ");
            out.put(new OID(object.substring(1, eq)), value(object.substring(eq + 3)));
        }
        return out;
    }

    /** A value as snmpwalk prints it after {@code =}. */
    public static Variable value(String printed) {
        String text = printed.strip();
        if (text.equals("\"\"")) {
            return new OctetString();
        }
        int colon = text.indexOf(": ");
        if (colon < 0) {
            throw new IllegalArgumentException("no type in " + text);
        }
        String value = text.substring(colon + 2).strip();
        return switch (text.substring(0, colon)) {
            case "STRING" -> new OctetString(value.substring(1, value.length() - 1));
            case "Hex-STRING" -> OctetString.fromHexStringPairs(value.replace(" ", ""));
            case "INTEGER" -> new Integer32(Integer.parseInt(value));
            case "Gauge32" -> new Gauge32(Long.parseLong(value));
            case "Counter32" -> new Counter32(Long.parseLong(value));
            case "Counter64" -> new Counter64(Long.parseUnsignedLong(value));
            default -> throw new IllegalArgumentException("unexpected value " + text);
        };
    }

    /**
     * Type and value in one string, for comparing what the sections make with what keepalived or
     * an expectation says: snmp4j's Unsigned32 and Gauge32 share net-snmp's tag 0x42, and octet
     * strings compare by their bytes.
     */
    public static String describe(Variable v) {
        if (v == null) {
            return "absent";
        }
        String value = v instanceof OctetString s ? s.toHexString() : v.toString();
        return v.getSyntax() + " " + value;
    }
}
