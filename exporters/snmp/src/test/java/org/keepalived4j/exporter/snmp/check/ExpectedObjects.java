package org.keepalived4j.exporter.snmp.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keepalived4j.exporter.snmp.global.SnmpWalkText;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Reads check-objects.txt: tables written as one line per column and one cell per row, and
 * scalars, into the instance OIDs and values they stand for (values as snmpwalk prints them).
 */
final class ExpectedObjects {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5");

    private ExpectedObjects() {
    }

    static SortedMap<OID, Variable> read(String resource) throws IOException {
        try (InputStream in = ExpectedObjects.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static SortedMap<OID, Variable> parse(String text) {
        SortedMap<OID, Variable> out = new TreeMap<>();
        OID entry = null;
        List<OID> rows = List.of();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" ", 3);
            if (words[0].equals("table")) {
                entry = new OID(KEEPALIVED).append(words[2]);
            } else if (words[0].equals("scalar")) {
                out.put(new OID(KEEPALIVED).append(words[1]), SnmpWalkText.value(words[2]));
            } else {
                List<String> cells = Arrays.asList(line.split(" \\| "));
                if (words[0].equals("index")) {
                    rows = new ArrayList<>();
                    for (String index : cells.subList(1, cells.size())) {
                        rows.add(new OID(index.strip()));
                    }
                    continue;
                }
                if (cells.size() != rows.size() + 1) {
                    throw new IllegalArgumentException("one cell per row expected: " + line);
                }
                int column = Integer.parseInt(words[0]);
                for (int i = 0; i < rows.size(); i++) {
                    String cell = cells.get(i + 1).strip();
                    if (!cell.equals("-")) {
                        out.put(new OID(entry).append(column).append(rows.get(i)), SnmpWalkText.value(cell));
                    }
                }
            }
        }
        return out;
    }

}
