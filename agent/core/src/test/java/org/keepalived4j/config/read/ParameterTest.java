package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $NAME=VALUE} definitions and their use. Results marked "keepalived 2.2.7" were read
 * from its {@code --dump-conf} output for the same lines.
 */
class ParameterTest {

    @Test
    void whereADefinitionIsRecognised() {
        // keepalived 2.2.7: "$Y = two" is no definition but the words $Y, =, two; leading blanks
        // before '$' are fine; "$E=" defines an empty value.
        ReaderFixture.Result result = ReaderFixture.read("$X=one\n$Y = two\n   $Z=three four\n$E=\nx:$X y:$Y z:$Z e[${E}]\n");

        assertThat(result.render()).isEqualTo("$Y|=|two\nx:one|y:$Y|z:three|four|e[]\n");
    }

    @Test
    void aPlainReferenceMustEndTheWordOrBeFollowedByCommaOrParenthesis() {
        // keepalived 2.2.7: $X/ $X. $X, ${X}. p${X}q -> $X/ $X. one, one. poneq;
        // $X,b -> one,b; ($X) a$X -> (one) aone; $$X $X$X -> $one $Xone.
        ReaderFixture.Result result = ReaderFixture.read("$X=one\n$X/ $X. $X, ${X}. p${X}q\n$X,b ($X) a$X\n$$X $X$X ${X}${X} $X\ttab\n");

        assertThat(result.render()).isEqualTo("$X/|$X.|one,|one.|poneq\none,b|(one)|aone\n$one|$Xone|oneone|one|tab\n");
    }

    @Test
    void anUndefinedReferenceStaysAsWritten() {
        // keepalived 2.2.7: $U, $, $1 stay. ${U} stays too, and its braces then split the line.
        ReaderFixture.Result result = ReaderFixture.read("$U $ $1 ${9}\nx ${U} y\n");

        assertThat(result.render()).isEqualTo("$U|$|$1|$\n  9\nx|$\n  U\ny\n");
    }

    @Test
    void referencesInValuesAreExpandedWhenUsed() {
        // keepalived.conf(5): "$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}" example.
        ReaderFixture.Result result = ReaderFixture.read("""
                $ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}
                $ADDRESS_BASE_SUB=0
                ${ADDRESS_BASE}.100/32
                $ADDRESS_BASE_SUB=10
                ${ADDRESS_BASE}.100/32
                """);

        assertThat(result.render()).isEqualTo("10.2.0.100/32\n10.2.10.100/32\n");
    }

    @Test
    void aReferenceExpandingToAnotherIsNotExpandedWhenItsTerminatorIsWrong() {
        // keepalived 2.2.7: $R=${X}-$X-${S} gives one-$X-late; $A=$B, ${A}x gives $Bx.
        ReaderFixture.Result result = ReaderFixture.read("$X=one\n$R=${X}-$X-${S}\n$S=late\nr:$R\n$A=$B\n$B=bee\n$A ${A}x\n");

        assertThat(result.render()).isEqualTo("r:one-$X-late\nbee|$Bx\n");
    }

    @Test
    void multiLineDefinitionsContinueWithBackslash() {
        // keepalived 2.2.7: "pre $M" gives the lines "pre multi", "line2", "line3";
        // "$M post" is not expanded (a multi-line parameter must end the line).
        ReaderFixture.Result result = ReaderFixture.read("""
                $M=multi \\
                  line2 \\
                  line3
                pre $M
                ${M}
                $M post
                """);

        assertThat(result.render()).isEqualTo("pre|multi\nline2\nline3\nmulti\nline2\nline3\n$M|post\n");
        assertThat(result.tree()).extracting(n -> n.location().line()).containsExactly(4, 4, 4, 5, 5, 5, 6);
    }

    @Test
    void aBlankLineEndsAMultiLineDefinition() {
        // keepalived 2.2.7: "$MB=mb-a \", "", "mb-not-part" then "mbx:$MB" gives mb-not-part, mbx:mb-a.
        ReaderFixture.Result result = ReaderFixture.read("$MB=mb-a \\\n\nmb-not-part\nmbx:$MB\n");

        assertThat(result.render()).isEqualTo("mb-not-part\nmbx:mb-a\n");
    }

    @Test
    void multiLineDefinitionsNestAndBuildBlocks() {
        // Shaped after keepalived.conf(5)'s $RS / $VS example.
        ReaderFixture.Result result = ReaderFixture.read("""
                $RS= \\
                real_server 192.168.${VS_NUM}.${RS_NUM} 80 { \\
                    weight 1 \\
                }
                $VS= \\
                virtual_server 10.0.${VS_NUM}.4 80 { \\
                    $RS_NUM=1 \\
                    $RS \\
                    $RS_NUM=2 \\
                    $RS \\
                }
                $VS_NUM=0
                $VS
                $VS_NUM=1
                $VS
                """);

        assertThat(result.render()).isEqualTo("""
                virtual_server|10.0.0.4|80
                  real_server|192.168.0.1|80
                    weight|1
                  real_server|192.168.0.2|80
                    weight|1
                virtual_server|10.0.1.4|80
                  real_server|192.168.1.1|80
                    weight|1
                  real_server|192.168.1.2|80
                    weight|1
                """);
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void predefinedParameters(@TempDir Path dir) throws IOException {
        // keepalived 2.2.7: ${_INSTANCE} is the config id, ${_PWD} the directory of the file.
        Files.writeString(dir.resolve("main.conf"), "i:${_INSTANCE} p:${_PWD} r:${_RANDOM 7 9} r2:$_RANDOM\n");

        ConfigNode node = ReaderFixture.read(dir.resolve("main.conf"), "lb1").tree().get(0);

        assertThat(node.keyword()).isEqualTo("i:lb1");
        assertThat(node.arg(0)).isEqualTo("p:" + dir.toRealPath());
        assertThat(node.arg(1)).isIn("r:7", "r:8", "r:9");
        assertThat(Integer.parseInt(node.arg(2).substring(3))).isBetween(0, 32767);
    }

    @Test
    void hashAndBangParametersStartACommentOutsideQuotes() {
        // keepalived 2.2.7: the line "$_HASH $_BANG ${_HASH}x" disappears: comments are stripped
        // again after substitution. Inside double quotes the characters stay.
        ReaderFixture.Result result = ReaderFixture.read("a $_HASH b\n\"x${_HASH}y${_BANG}\"\n");

        assertThat(result.render()).isEqualTo("a\nx#y!\n");
    }

    @Test
    void aDefinitionCanBeOverriddenIncludingAPredefinedOne() {
        ReaderFixture.Result result = ReaderFixture.read("$X=1\n$X=2\n$_INSTANCE=me\nx$X $_INSTANCE\n");

        assertThat(result.render()).isEqualTo("x2|me\n");
    }

    @Test
    void aGrowingParameterStopsAtTheLineLengthLikeKeepalived() {
        // keepalived 2.2.7: "$A=$A x" then "$A" gives $A followed by exactly 510 words x (1022 bytes).
        ReaderFixture.Result result = ReaderFixture.read("$A=$A x\n$A\nnext\n");

        assertThat(result.tree().get(0).keyword()).isEqualTo("$A");
        assertThat(result.tree().get(0).args()).hasSize(510).containsOnly("x");
        assertThat(result.tree().get(1).keyword()).isEqualTo("next");
        assertThat(result.messages()).containsExactly("WARNING 2 Parameter substitution would exceed maximum line length");
    }

    @Test
    void aParameterDefinedAsItselfIsAnErrorInsteadOfAHang() {
        // keepalived 2.2.7 loops forever on "$B=$B" followed by a use of $B.
        ReaderFixture.Result result = ReaderFixture.read("$B=$B\nrouter_id $B\n$C=${D}\n$D=${C}\n${C}\nnext\n");

        assertThat(result.render()).isEqualTo("next\n");
        assertThat(result.messages()).containsExactly(
                "ERROR 2 Parameter substitution does not terminate - ignoring line",
                "ERROR 5 Parameter substitution does not terminate - ignoring line");
    }

    @Test
    void multiLineParametersThatUseEachOtherAreCut() {
        ReaderFixture.Result result = ReaderFixture.read("$M=a \\\n b $N \\\n c\n$N=\\\n n1 \\\n $M\n$M\nafter\n");

        assertThat(result.messages()).singleElement().asString().contains("Multi-line parameters nested more than 64 deep");
        assertThat(result.tree().get(result.tree().size() - 1).keyword()).isEqualTo("after");
    }

    @Test
    void aValueStartingWithTildeIsReadAsARepeater() {
        // keepalived 2.2.7: $S=~SEQ(k,2) sq-$k then $S gives sq-1, sq-2; a line "~FOO $X" is not expanded.
        ReaderFixture.Result result = ReaderFixture.read("$X=1\n$S=~SEQ(k,2) sq-$k\n$S\n~FOO $X\n");

        assertThat(result.render()).isEqualTo("sq-1\nsq-2\n~FOO|$X\n");
    }

    @Test
    void aDefinitionMayProduceADefinition() {
        ReaderFixture.Result result = ReaderFixture.read("$D=$Y=5\n$D\ny:$Y\n");

        assertThat(result.render()).isEqualTo("y:5\n");
    }
}
