package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Comment and blank stripping of a single line. Each rule was checked against keepalived 2.2.7
 * (words of a {@code notification_email} block in its {@code --dump-conf} output).
 */
class CommentStripperTest {

    private static String strip(String line) {
        return CommentStripper.strip(line).text();
    }

    @Test
    void hashAndBangStartCommentsEvenInsideAWord() {
        // keepalived 2.2.7: "w#comment" gives the word "w", "e!f" gives "e".
        assertThat(strip("a b # comment")).isEqualTo("a b");
        assertThat(strip("w#comment")).isEqualTo("w");
        assertThat(strip("e!f")).isEqualTo("e");
        assertThat(strip("! whole line")).isEmpty();
    }

    @Test
    void commentCharactersInsideDoubleQuotesAreText() {
        // keepalived 2.2.7: "q#x" is the word q#x.
        assertThat(strip("\"q#x\" w#c")).isEqualTo("\"q#x\" w");
    }

    @Test
    void singleQuotesDoNotProtectComments() {
        assertThat(strip("'a#b'")).isEqualTo("'a");
    }

    @Test
    void escapedHashOrBangOutsideQuotesLosesTheBackslash() {
        // keepalived 2.2.7 (first reading): a\#b is a#b, c\!d is c!d.
        assertThat(strip("a\\#b c\\!d")).isEqualTo("a#b c!d");
    }

    @Test
    void escapesInsideDoubleQuotesAreKeptAsWritten() {
        // keepalived 2.2.7: router_id "q\!z" gives Router ID = q\!z.
        assertThat(strip("\"q\\!z\"")).isEqualTo("\"q\\!z\"");
    }

    @Test
    void escapedQuoteNeitherOpensNorClosesAString() {
        CommentStripper.Stripped stripped = CommentStripper.strip("\"u\\\"v # w\" x");
        assertThat(stripped.text()).isEqualTo("\"u\\\"v # w\" x");
        assertThat(stripped.unterminatedQuote()).isFalse();
    }

    @Test
    void trailingBackslashIsKeptAndPulledOntoTheLastWord() {
        // keepalived 2.2.7: "a1 \" followed by "a2" gives the words a1\ and a2: no continuation.
        assertThat(strip("a1 \\")).isEqualTo("a1\\");
        // ... also when the backslash ends a comment: "d1 # x \" gives d1\.
        assertThat(strip("d1 # x \\")).isEqualTo("d1\\");
    }

    @Test
    void doubledBackslashAtTheEndIsNotAContinuation() {
        // keepalived 2.2.7: "e\\" gives the word e\\.
        assertThat(strip("e\\\\")).isEqualTo("e\\\\");
    }

    @Test
    void blanksAroundTheLineAreRemoved() {
        assertThat(strip(" \t a b \t ")).isEqualTo("a b");
    }

    @Test
    void reportsAQuoteLeftOpenBeforeTheComment() {
        assertThat(CommentStripper.strip("\"abc").unterminatedQuote()).isTrue();
        assertThat(CommentStripper.strip("a # \"b").unterminatedQuote()).isFalse();
        assertThat(CommentStripper.strip("\"a\" \"b\"").unterminatedQuote()).isFalse();
    }
}
