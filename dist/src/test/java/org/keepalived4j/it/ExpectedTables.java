package org.keepalived4j.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects written as tables, one line per column and one cell per row (check-walk.txt), read
 * into the instance OIDs and the values snmpwalk must print for them, each with the name of
 * its column for the report.
 */
final class ExpectedTables {

    private static final String KEEPALIVED = ".1.3.6.1.4.1.9586.100.5.";

    /** One expected object: its column's name and its value as {@code TYPE: VALUE}. */
    record Expected(String column, String value) {
    }

    private ExpectedTables() {
    }

    static Map<String, Expected> read(String resource) {
        try (InputStream in = ExpectedTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OID (with its leading dot) to the expected object, in the file's order. */
    static Map<String, Expected> parse(String text) {
        Map<String, Expected> out = new LinkedHashMap<>();
        String entry = null;
        String table = null;
        List<String> rows = List.of();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(" \\| ");
            String[] head = cells[0].strip().split(" ");
            switch (head[0]) {
                case "table" -> {
                    table = head[1];
                    entry = KEEPALIVED + head[2];
                }
                case "index" -> {
                    rows = new ArrayList<>();
                    for (int i = 1; i < cells.length; i++) {
                        rows.add(cells[i].strip());
                    }
                }
                case "scalar" -> out.put(KEEPALIVED + head[1], new Expected(head[2], cells[1].strip()));
                default -> {
                    if (cells.length != rows.size() + 1) {
                        throw new IllegalArgumentException("one cell per row of " + table + " expected: " + line);
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        String cell = cells[i + 1].strip();
                        if (!cell.equals("-")) {
                            out.put(entry + "." + head[0] + "." + rows.get(i), new Expected(head[1], cell));
                        }
                    }
                }
            }
        }
        return out;
    }
}
