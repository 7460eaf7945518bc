package org.keepalived4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a settings block the way the daemon's parser would, from one string per line. */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * A block named {@code name} opened on line 10 of {@code test.conf}; each line is split on
     * spaces into keyword and arguments and gets the next line number. A line ending in
     * an opening brace opens a nested block, closed by a line holding a closing brace.
     */
    public static Settings block(String name, String... lines) {
        int[] at = {0};
        return block(name, "test.conf:10", lines, at);
    }

    private static Settings block(String name, String source, String[] lines, int[] at) {
        List<Setting> entries = new ArrayList<>();
        while (at[0] < lines.length) {
            int i = at[0]++;
            String line = lines[i].trim();
            if (line.equals("}")) {
                break;
            }
            String where = "test.conf:" + (11 + i);
            boolean opens = line.endsWith("{");
            List<String> words = Arrays.asList((opens ? line.substring(0, line.length() - 1) : line).trim()
                    .split("\\s+"));
            Settings nested = opens ? block(words.get(0), where, lines, at) : null;
            entries.add(new Setting(words.get(0), words.subList(1, words.size()), nested, where));
        }
        return new Settings(name, source, entries);
    }
}
