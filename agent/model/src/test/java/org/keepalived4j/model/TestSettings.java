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
     * spaces into keyword and arguments and gets the next line number.
     */
    public static Settings block(String name, String... lines) {
        List<Setting> entries = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<String> words = Arrays.asList(lines[i].trim().split("\\s+"));
            entries.add(new Setting(words.get(0), words.subList(1, words.size()), null, "test.conf:" + (11 + i)));
        }
        return new Settings(name, "test.conf:10", entries);
    }
}
