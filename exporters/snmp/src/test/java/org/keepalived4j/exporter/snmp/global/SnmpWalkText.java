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
 * The objects of a net-snmp walk printed with {@code -On -Ox} (numeric OIDs, every string in
 * hex): {@code .OID = TYPE: VALUE} lines, hex values wrapped onto the lines that follow, and
 * {@code #} comments.
 */
final class SnmpWalkText {

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
            out.put(new OID(object.substring(1, eq)), value(object.substring(eq + 3).strip()));
        }
        return out;
    }

    private static Variable value(String text) {
        if (text.equals("\"\"")) {
            return new OctetString();
        }
        int colon = text.indexOf(": ");
        String type = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 2).strip();
        return switch (type) {
            case "Hex-STRING" -> OctetString.fromHexStringPairs(value.replace(" ", ""));
            case "INTEGER" -> new Integer32(Integer.parseInt(value));
            case "Gauge32" -> new Gauge32(Long.parseLong(value));
            case "Counter32" -> new Counter32(Long.parseLong(value));
            case "Counter64" -> new Counter64(Long.parseUnsignedLong(value));
            default -> throw new IllegalArgumentException("unexpected value " + text);
        };
    }
}
