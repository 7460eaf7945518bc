package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The script-command splitting of keepalived.conf(5), "Quoted strings". */
class EscapedWordSplitterTest {

    private static List<String> split(String text) {
        return EscapedWordSplitter.split(text).orElseThrow();
    }

    @Test
    void quotesJoinTextAcrossSpacesAndAreRemoved() {
        // The manual's examples.
        assertThat(split("abcd\" efg h jkl \"mnop")).containsExactly("abcd efg h jkl mnop");
        assertThat(split("abcd \"efg h jkl\" mnop")).containsExactly("abcd", "efg h jkl", "mnop");
    }

    @Test
    void singleQuotesQuoteToo() {
        assertThat(split("/bin/sh -c 'test -f /x'")).containsExactly("/bin/sh", "-c", "test -f /x");
        assertThat(split("'a\"b'")).containsExactly("a\"b");
    }

    @Test
    void backslashEscapesWorkInsideAndOutsideQuotes() {
        // keepalived 2.2.7: notify_master "/bin/echo a\#b c" runs '/usr/bin/echo' 'a#b' 'c'.
        assertThat(split("/bin/echo a\\#b c")).containsExactly("/bin/echo", "a#b", "c");
        assertThat(split("a\\tb \"c\\nd\"")).containsExactly("a\tb", "c\nd");
        assertThat(split("\\x41\\101\\cA\\E\\\\")).containsExactly("AA\u0001\u001b\\");
    }

    @Test
    void anEscapedQuoteIsALiteralQuote() {
        assertThat(split("a\\\"b c")).containsExactly("a\"b", "c");
        assertThat(split("\"x \\\" y\"")).containsExactly("x \" y");
    }

    @Test
    void rejectsAnOpenQuoteOrATrailingBackslash() {
        assertThat(EscapedWordSplitter.split("\"abc")).isEmpty();
        assertThat(EscapedWordSplitter.split("abc\\")).isEmpty();
    }

    @Test
    void blankTextHasNoWords() {
        assertThat(split("  ")).isEmpty();
    }
}
