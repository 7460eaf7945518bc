package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * keepalived's ordinary word splitting, checked against keepalived 2.2.7 (words of a
 * {@code notification_email} block in its {@code --dump-conf} output).
 */
class WordSplitterTest {

    @Test
    void doubleQuotedTextIsOneWordWithoutItsQuotes() {
        assertThat(WordSplitter.split("abcd \"efg h\" mnop").words()).containsExactly("abcd", "efg h", "mnop");
    }

    @Test
    void aQuoteInsideAWordSplitsIt() {
        // keepalived 2.2.7: "p q"r gives the words "p q" and "r".
        assertThat(WordSplitter.split("\"p q\"r").words()).containsExactly("p q", "r");
        assertThat(WordSplitter.split("ab\"c d\"e").words()).containsExactly("ab", "c d", "e");
    }

    @Test
    void singleQuotesAndBackslashesAreOrdinaryCharacters() {
        // keepalived 2.2.7: 'x y' gives 'x and y'; x\ty stays x\ty.
        assertThat(WordSplitter.split("'x y' x\\ty it's").words()).containsExactly("'x", "y'", "x\\ty", "it's");
    }

    @Test
    void anEmptyQuotedStringIsAnEmptyWord() {
        assertThat(WordSplitter.split("a \"\" b").words()).containsExactly("a", "", "b");
    }

    @Test
    void anUnmatchedQuoteLosesTheRestOfTheLine() {
        WordSplitter.Words words = WordSplitter.split("a \"b c");
        assertThat(words.words()).containsExactly("a");
        assertThat(words.unmatchedQuote()).isTrue();
    }

    @Test
    void aBackslashDoesNotEscapeAQuote() {
        // keepalived 2.2.7: "u\"v w" gives u\, v, w and "Unmatched quote".
        WordSplitter.Words words = WordSplitter.split("\"u\\\"v w\"");
        assertThat(words.words()).containsExactly("u\\", "v", "w");
        assertThat(words.unmatchedQuote()).isTrue();
    }

    @Test
    void allCWhiteSpaceSeparatesWords() {
        assertThat(WordSplitter.split("a\tb\fc\u000bd\re").words()).containsExactly("a", "b", "c", "d", "e");
    }
}
