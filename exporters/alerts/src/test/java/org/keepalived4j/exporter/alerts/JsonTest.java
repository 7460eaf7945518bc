package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.string("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(Json.string("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(Json.string("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\u007f\"");
        assertThat(Json.string("/ </script>")).isEqualTo("\"/ </script>\"");
        assertThat(Json.string(null)).isEqualTo("null");
        assertThat(Json.string("")).isEqualTo("\"\"");
    }

    @Test
    void writesNonAsciiAsItIsAndEscapesWhatUtf8OrJavaScriptCannotCarry() {
        assertThat(Json.string("Zürich → 東京 😀")).isEqualTo("\"Zürich → 東京 😀\"");
        assertThat(Json.string("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        // a lone surrogate would leave as '?' in UTF-8; escaped, it reaches the receiver unchanged
        assertThat(Json.string("x\ud83dy\ude00")).isEqualTo("\"x\\ud83dy\\ude00\"");
        String encoded = Json.string("x\ud83dy");
        assertThat(new String(encoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(encoded);
    }

    @Test
    void anyStringSurvivesTheTripThroughUtf8AndAStrictReader() {
        Random random = new Random(4242);
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                // mostly the tricky ranges: controls, ASCII punctuation, surrogates, then anything
                s.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0xd800 + random.nextInt(0x800));
                    case 2 -> "\"\\\u2028\u0000".charAt(random.nextInt(4));
                    default -> (char) random.nextInt(0x10000);
                });
            }
            String original = s.toString();
            String wire = new String(Json.string(original).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(JsonReader.parse(wire)).as("string %d", n).isEqualTo(original);
        }
    }

    @Test
    void membersAreSeparatedByCommasFromTheSecondOn() {
        StringBuilder b = new StringBuilder("{");
        Json.string(Json.member(b, "a"), "1");
        Json.member(b, "b").append(true);
        assertThat(b.append('}').toString()).isEqualTo("{\"a\":\"1\",\"b\":true}");
    }
}
