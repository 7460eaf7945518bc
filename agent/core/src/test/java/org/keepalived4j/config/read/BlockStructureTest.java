package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Braces. keepalived 2.2.7 splits every line before and after each '{' and '}' that is not
 * inside double quotes, so the layout of braces does not matter; each case below was checked
 * with {@code keepalived -t} and {@code --dump-conf}.
 */
class BlockStructureTest {

    @Test
    void openingBraceOnTheNextLineIsTheSameAsOnTheKeywordLine() {
        String sameLine = ReaderFixture.read("vrrp_instance VI_1 {\n state MASTER\n}\n").render();
        String nextLine = ReaderFixture.read("vrrp_instance VI_1\n{\n state MASTER\n}\n").render();

        assertThat(nextLine).isEqualTo(sameLine).isEqualTo("vrrp_instance|VI_1\n  state|MASTER\n");
    }

    @Test
    void bracesNeedNoSpaces() {
        // keepalived 2.2.7 accepts "global_defs{router_id r1" and "notification_email{a b}".
        ReaderFixture.Result result = ReaderFixture.read("global_defs{router_id r1\nnotification_email{a b}\n}\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r1\n  notification_email\n    a|b\n");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void closingBraceAfterWordsClosesTheBlock() {
        // keepalived 2.2.7: "virtual_router_id 51 }" closes vrrp_instance.
        ReaderFixture.Result result = ReaderFixture.read("vrrp_instance VI_1\n{\n interface eth0\n virtual_router_id 51 }\nx\n");

        assertThat(result.render()).isEqualTo("vrrp_instance|VI_1\n  interface|eth0\n  virtual_router_id|51\nx\n");
    }

    @Test
    void aBlockOnOneLineHoldsOneLine() {
        // keepalived 2.2.7: "virtual_ipaddress { 10.99.0.100/24 10.99.0.101/24 }" is one address line
        // with an extra word ("Unknown configuration entry '10.99.0.101/24'").
        ReaderFixture.Result result = ReaderFixture.read("virtual_ipaddress { 10.0.0.1/24 10.0.0.2/24 }\n");

        assertThat(result.render()).isEqualTo("virtual_ipaddress\n  10.0.0.1/24|10.0.0.2/24\n");
    }

    @Test
    void textAroundBracesBecomesLinesOfTheirOwn() {
        ReaderFixture.Result result = ReaderFixture.read("a{b}c\n");

        assertThat(result.render()).isEqualTo("a\n  b\nc\n");
        assertThat(result.tree()).allSatisfy(n -> assertThat(n.location().line()).isEqualTo(1));
    }

    @Test
    void bracesInsideDoubleQuotesAreText() {
        ReaderFixture.Result result = ReaderFixture.read("notify \"/bin/x {a}\" '{b'\n c\n}\n");

        assertThat(result.render()).isEqualTo("notify|/bin/x {a}|'\n  b'\n  c\n");
    }

    @Test
    void missingClosingBracesAreReportedAndTheBlocksClosed() {
        // keepalived 2.2.7: "There are 2 missing '}'s or extra '{'s".
        ReaderFixture.Result result = ReaderFixture.read("global_defs {\n router_id r1\nvrrp_instance VI_1 {\n state MASTER\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r1\n  vrrp_instance|VI_1\n    state|MASTER\n");
        assertThat(result.messages()).containsExactly("ERROR 1 There are 2 missing '}'s or extra '{'s");
    }

    @Test
    void anExtraClosingBraceIsReportedAndIgnored() {
        // keepalived 2.2.7: "(Line 4) Extra '}' found".
        ReaderFixture.Result result = ReaderFixture.read("global_defs {\n router_id r1\n}\n}\nx\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r1\nx\n");
        assertThat(result.messages()).containsExactly("ERROR 4 Extra '}' found");
    }

    @Test
    void aBraceThatFollowsNoKeywordIsIgnoredAndItsCloseEndsTheEnclosingBlock() {
        // keepalived 2.2.7 with "global_defs {", "{", "router_id r1", "}", "}":
        // "(Line 2) Unexpected '{' - ignoring" and "(Line 5) Unknown keyword '}'".
        ReaderFixture.Result result = ReaderFixture.read("global_defs {\n {\n router_id r1\n }\n}\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r1\n");
        assertThat(result.messages()).containsExactly("ERROR 2 Unexpected '{' - ignoring", "ERROR 5 Unknown keyword '}'");
    }

    @Test
    void aStrayOpeningBraceAtTheTopIsCountedAsMissingItsClose() {
        // keepalived 2.2.7 for "}" "{" "foo {" "bar" "}" "vrrp_instance VI_1 {" ...: Extra '}' found,
        // Unexpected '{' - ignoring, ..., There are 2 missing '}'s or extra '{'s.
        ReaderFixture.Result result = ReaderFixture.read("}\n{\nfoo {\n bar\n}\nvrrp_instance VI_1 {\n interface eth0\n");

        assertThat(result.render()).isEqualTo("foo\n  bar\nvrrp_instance|VI_1\n  interface|eth0\n");
        assertThat(result.messages()).containsExactly(
                "ERROR 1 Extra '}' found",
                "ERROR 2 Unexpected '{' - ignoring",
                "ERROR 2 There are 2 missing '}'s or extra '{'s");
    }

    @Test
    void aQuotedBraceAloneOnALineActsAsABrace() {
        ReaderFixture.Result result = ReaderFixture.read("a\n\"{\"\n b\n\"}\"\nc\n");

        assertThat(result.render()).isEqualTo("a\n  b\nc\n");
    }

    @Test
    void blocksNestedTooDeeplyAreFlattenedWithOneError() {
        String text = "a {\n".repeat(200) + "x\n" + "}\n".repeat(200);

        ReaderFixture.Result result = ReaderFixture.read(text);

        assertThat(result.messages()).containsExactly("ERROR 129 Blocks nested more than 128 deep - ignoring the braces inside");
        ConfigNode node = result.tree().get(0);
        int depth = 1;
        while (node.isBlock() && !node.children().isEmpty() && node.children().get(0).isBlock()) {
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(128);
        assertThat(result.tree()).hasSize(1);
    }
}
