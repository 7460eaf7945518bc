package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code virtual_routes} (or {@code static_routes}) line as configured, in the words of
 * {@code ip route}: keepalived4j checks them but does not install them.
 *
 * @param index its position among the instance's routes, from 1
 * @param destination the destination with its prefix, e.g. {@code 10.1.0.0/16}, or {@code default}
 * @param device {@code dev}, or {@code null}
 * @param words the whole line as written, word by word
 * @param noTrack {@code no_track}
 */
public record RouteSettings(int index, String destination, String device, List<String> words, boolean noTrack) {

    public RouteSettings {
        words = List.copyOf(words);
    }

    /** The word after {@code keyword} on the line ({@code via}, {@code src}, {@code table}...), or {@code null}. */
    public String option(String keyword) {
        return LineWords.after(words, keyword);
    }
}
