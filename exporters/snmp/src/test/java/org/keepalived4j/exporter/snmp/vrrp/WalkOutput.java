package org.keepalived4j.exporter.snmp.vrrp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Reads what the capture script recorded: snmpwalk's output ({@code OID = TYPE: VALUE} lines,
 * long hex strings continued on the next lines) and snmptrapd's (one notification per line,
 * varbinds separated by {@code ~}).
 */
final class WalkOutput {

    private WalkOutput() {
    }

    static String resource(String name) {
        try (InputStream in = WalkOutput.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An snmpwalk output: OID to value, skipping "No Such Object" lines. */
    static SortedMap<OID, SnmpValue> walk(String text) {
        SortedMap<OID, SnmpValue> out = new TreeMap<>();
        List<String> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(".")) {
                objects.add(line);
            } else if (!line.isBlank() && !objects.isEmpty()) {
                objects.set(objects.size() - 1, objects.get(objects.size() - 1) + " " + line);
            }
        }
        for (String object : objects) {
            if (object.contains("No Such Object") || object.contains("No more variables")) {
                continue;
            }
            VarBind b = varBind(object);
            out.put(b.oid(), b.value());
        }
        return out;
    }

    /** snmptrapd's lines: each notification's varbinds, sysUpTime.0 and snmpTrapOID.0 first. */
    static List<List<VarBind>> traps(String text) {
        List<List<VarBind>> traps = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("TRAP")) {
                continue;
            }
            List<VarBind> binds = new ArrayList<>();
            for (String part : line.substring("TRAP".length()).split("~")) {
                binds.add(varBind(part));
            }
            traps.add(binds);
        }
        return traps;
    }

    /** Our objects in the same form. */
    static SortedMap<OID, SnmpValue> of(SortedMap<OID, Variable> objects) {
        SortedMap<OID, SnmpValue> out = new TreeMap<>();
        objects.forEach((oid, v) -> out.put(oid, SnmpValue.of(v)));
        return out;
    }

    static VarBind varBind(String line) {
        int eq = line.indexOf(" = ");
        return new VarBind(new OID(line.substring(0, eq).strip().substring(1)), SnmpValue.parse(line.substring(eq + 3)));
    }

    record VarBind(OID oid, SnmpValue value) {
    }
}
