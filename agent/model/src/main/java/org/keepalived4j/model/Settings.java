package org.keepalived4j.model;

import java.util.List;
import java.util.Optional;

/**
 * A keepalived4j settings block, e.g. {@code keepalived4j_prometheus { ... }}: keepalived's
 * block syntax for what keepalived itself has no keyword for. keepalived merely warns about
 * and skips such blocks, so one file can serve a mixed cluster.
 *
 * @param name the block keyword, e.g. {@code keepalived4j_prometheus}
 * @param source {@code file:line} where the block opened, or {@code (default)} when absent
 * @param entries its lines, in order
 */
public record Settings(String name, String source, List<Setting> entries) {

    public Settings {
        entries = List.copyOf(entries);
    }

    /** An absent block: every lookup finds nothing, so callers fall back to defaults. */
    public static Settings empty(String name) {
        return new Settings(name, "(default)", List.of());
    }

    /** Whether the block was written in a configuration file. */
    public boolean present() {
        return !"(default)".equals(source);
    }

    /** Every line with this keyword, in order. */
    public List<Setting> all(String keyword) {
        return entries.stream().filter(s -> s.keyword().equals(keyword)).toList();
    }

    /** The last line with this keyword (later lines override earlier ones, as in keepalived). */
    public Optional<Setting> last(String keyword) {
        List<Setting> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The first argument of the last line with this keyword. */
    public Optional<String> value(String keyword) {
        return last(keyword).flatMap(Setting::value);
    }

    /** Whether a line with this keyword is present. */
    public boolean has(String keyword) {
        return entries.stream().anyMatch(s -> s.keyword().equals(keyword));
    }

    @Override
    public String toString() {
        return name + " (" + source + ", " + entries.size() + " entries)";
    }
}
