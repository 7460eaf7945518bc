package org.keepalived4j.config.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a logical line into words the way keepalived does for every keyword: words are
 * separated by white space; a double-quoted string is one word without its quotes, and a
 * double quote also ends an unquoted word ({@code ab"c d"e} is {@code ab}, {@code c d},
 * {@code e}). Single quotes and backslashes are ordinary characters here.
 */
final class WordSplitter {

    /**
     * @param words the words found before any problem
     * @param unmatchedQuote a double quote was not closed; the words from it on are lost
     */
    record Words(List<String> words, boolean unmatchedQuote) {
    }

    private WordSplitter() {
    }

    static Words split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && ConfigText.WHITE_SPACE.indexOf(line.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                return new Words(words, false);
            }
            if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return new Words(words, true);
                }
                words.add(line.substring(i + 1, close));
                i = close + 1;
            } else {
                int end = i;
                while (end < n && ConfigText.WHITE_SPACE.indexOf(line.charAt(end)) < 0 && line.charAt(end) != '"') {
                    end++;
                }
                words.add(line.substring(i, end));
                i = end;
            }
        }
    }
}
