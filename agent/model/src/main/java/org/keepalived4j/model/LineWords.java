package org.keepalived4j.model;

import java.util.List;

/** Reading one option out of a configuration line kept as words. */
final class LineWords {

    private LineWords() {
    }

    static String after(List<String> words, String keyword) {
        int i = words.indexOf(keyword);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : null;
    }
}
