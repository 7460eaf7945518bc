package org.keepalived4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** nftables in one namespace: a ruleset loaded from text, named counters read back. */
final class Nft {

    private static final Pattern COUNTER = Pattern.compile(
            "\"counter\": \\{[^}]*\"name\": \"(\\w+)\"[^}]*\"packets\": (\\d+)");

    private Nft() {
    }

    /** Loads {@code ruleset} (nft -f syntax) into {@code ns}. */
    static void load(String ns, String ruleset) {
        try {
            Path file = Files.createTempFile("kfs-nft", ".conf");
            try {
                Files.writeString(file, ruleset);
                Lab.run("ip", "netns", "exec", ns, "nft", "-f", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packets counted so far by each named counter of table {@code family table}, read at once. */
    static Map<String, Long> counters(String ns, String family, String table) {
        String json = Lab.run("ip", "netns", "exec", ns, "nft", "-j", "list", "counters", "table", family, table);
        Map<String, Long> out = new TreeMap<>();
        Matcher m = COUNTER.matcher(json);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    static void deleteTable(String ns, String family, String table) {
        Lab.run("ip", "netns", "exec", ns, "nft", "delete", "table", family, table);
    }
}
