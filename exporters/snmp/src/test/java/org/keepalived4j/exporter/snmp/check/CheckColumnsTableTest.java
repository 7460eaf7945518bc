package org.keepalived4j.exporter.snmp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;

/**
 * check-columns.txt, the table of where each decision about the checker part comes from, stays
 * true to the section: every object served is listed with the type it is sent as, and every
 * listed object but those never served shows up for the rich configuration.
 */
class CheckColumnsTableTest {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5");
    private static final Map<String, Integer> WIRE = Map.of("INTEGER", SMIConstants.SYNTAX_INTEGER,
            "OCTET STRING", SMIConstants.SYNTAX_OCTET_STRING, "Gauge32", SMIConstants.SYNTAX_GAUGE32,
            "Counter32", SMIConstants.SYNTAX_COUNTER32, "Counter64", SMIConstants.SYNTAX_COUNTER64);

    @Test
    void listsEveryServedObjectWithTheTypeItIsSentAs() throws IOException {
        Map<OID, String> listed = listed();
        SortedMap<OID, Variable> served = CheckSectionTest.objects(CheckStates.rich());
        Set<OID> seen = new TreeSet<>();

        for (Map.Entry<OID, Variable> e : served.entrySet()) {
            OID column = columnOf(e.getKey(), listed);
            assertThat(column).as("%s is listed", e.getKey()).isNotNull();
            assertThat(WIRE.get(listed.get(column))).as("type of %s", e.getKey()).isEqualTo(e.getValue().getSyntax());
            seen.add(column);
        }
        for (Map.Entry<OID, String> e : listed.entrySet()) {
            if (!e.getValue().equals("none")) {
                assertThat(seen).as("served for the rich configuration").contains(e.getKey());
            }
        }
    }

    private static OID columnOf(OID instance, Map<OID, String> listed) {
        for (OID column : listed.keySet()) {
            if (instance.startsWith(column) && instance.size() > column.size()) {
                return column;
            }
        }
        return null;
    }

    private static Map<OID, String> listed() throws IOException {
        Map<OID, String> out = new LinkedHashMap<>();
        try (InputStream in = CheckColumnsTableTest.class.getResourceAsStream("check-columns.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ");
                assertThat(fields).as(line).hasSize(6);
                assertThat(WIRE.containsKey(fields[3]) || fields[3].equals("none")).as(line).isTrue();
                out.put(new OID(KEEPALIVED).append(fields[0]), fields[3]);
            }
        }
        return out;
    }
}
