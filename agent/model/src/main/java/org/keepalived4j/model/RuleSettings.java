package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code virtual_rules} (or {@code static_rules}) line as configured, in the words of
 * {@code ip rule}: keepalived4j checks them but does not install them.
 *
 * @param index its position among the instance's rules, from 1
 * @param preference {@code preference} / {@code priority}, or {@code null}
 * @param words the whole line as written, word by word
 * @param noTrack {@code no_track}
 */
public record RuleSettings(int index, Integer preference, List<String> words, boolean noTrack) {

    public RuleSettings {
        words = List.copyOf(words);
    }

    /** The word after {@code keyword} on the line ({@code from}, {@code to}, {@code table}...), or {@code null}. */
    public String option(String keyword) {
        return LineWords.after(words, keyword);
    }
}
