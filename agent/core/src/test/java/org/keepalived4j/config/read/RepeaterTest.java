package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * ~SEQ and ~LST. Both exist in keepalived 2.2.7 (its manual documents them and its binary
 * implements them); the expected words below are what keepalived 2.2.7 produced for the same
 * lines ({@code --dump-conf}).
 */
class RepeaterTest {

    @Test
    void sequenceForms() {
        ReaderFixture.Result result = ReaderFixture.read("""
                ~SEQ(i,3) s1-$i
                ~SEQ(i,5,3) s2-$i
                ~SEQ(j, -2) s3-$j
                ~SEQ(k,0) s4-$k
                ~SEQ(m,1,2,6) s5-${m}
                ~SEQx(h,9,3,15) s6-$h
                ~SEQ (sp, 2) s9-$sp
                """);

        assertThat(result.words()).containsExactly("s1-1", "s1-2", "s1-3", "s2-5", "s2-4", "s2-3", "s3--1", "s3--2",
                "s4-1", "s4-0", "s5-1", "s5-3", "s5-5", "s6-9", "s6-c", "s6-f", "s9-1", "s9-2");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void numbersAreReadAsInC() {
        // keepalived 2.2.7: 0x0a..0xc gives 10, 11, 12; 010 is octal 8; "08" is invalid; and
        // "~SEQ(a b,3)" skips the character after the variable, giving 0 to 3.
        ReaderFixture.Result result = ReaderFixture.read("""
                ~SEQ(i,0x0a,0xc) h$i
                ~SEQ(i,010) o$i
                ~SEQ(i,08) bad$i
                ~SEQ(a b,3) ab$a
                """);

        assertThat(result.words()).containsExactly("h10", "h11", "h12", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8",
                "ab0", "ab1", "ab2", "ab3");
        assertThat(result.messages()).containsExactly("ERROR 3 Invalid ~SEQ definition");
    }

    @Test
    void parametersMayBeSubstituted() {
        assertThat(ReaderFixture.read("$N=2\n~SEQ(n,1,$N) s$n\n").words()).containsExactly("s1", "s2");
    }

    @Test
    void sequencesNestAndLeaveTheirVariableDefined() {
        // keepalived 2.2.7: "~SEQ(a,1,2) ~SEQ(b,1,2) s7-$a-$b" gives s7-$a-1, s7-$a-2 twice
        // ("$a-" is not a reference: '-' cannot follow a plain reference).
        ReaderFixture.Result result = ReaderFixture.read("~SEQ(a,1,2) ~SEQ(b,1,2) s-${a}-$b\ns7-$a-$b\nafter:$a\n");

        assertThat(result.words()).containsExactly("s-1-1", "s-1-2", "s-2-1", "s-2-2", "s7-$a-2", "after:2");
    }

    @Test
    void invalidSequencesAreReported() {
        // keepalived 2.2.7 reports these (and quotes the line; we do not).
        ReaderFixture.Result result = ReaderFixture.read("""
                ~SEQ(i,1,3 x$i
                ~SEQx(h,-1,3) neg
                ~SEQ(i,1,1,1111111111111111111111111111111111111111111111111111111111111111) long
                ~SEQ(i) inv
                ~SEQ() inv2
                ~SEQ(,3) inv3
                ~SEQ(z,1,2,0) bad
                ~SEQUENCE(i,3) x
                end
                """);

        assertThat(result.messages()).containsExactly(
                "ERROR 1 ~SEQ parameter strings too long",
                "ERROR 2 ~SEQx is only valid for positive numbers",
                "ERROR 3 ~SEQ parameter strings too long",
                "ERROR 4 Invalid ~SEQ definition",
                "ERROR 5 Invalid ~SEQ definition",
                "ERROR 6 Invalid ~SEQ definition",
                "ERROR 7 Invalid ~SEQ values",
                "ERROR 8 Invalid ~SEQ specification");
        assertThat(result.words()).containsExactly("end");
    }

    @Test
    void listForms() {
        // keepalived 2.2.7: {p,q} with {1,2},{3},{4,5} gives q = 2, "" (missing values are empty), 5;
        // "~LST(a,,b)" has the values "" and "b".
        ReaderFixture.Result result = ReaderFixture.read("""
                ~LST(v,x,y,z) l1-$v
                ~LST({p,q},{1,2},{3},{4,5}) l2-${p}-$q
                ~LST(a,,b) la[${a}]
                """);

        assertThat(result.words()).containsExactly("l1-x", "l1-y", "l1-z", "l2-1-2", "l2-3-", "l2-4-5", "la[]", "la[b]");
    }

    @Test
    void theManualsListExamples() {
        ReaderFixture.Result result = ReaderFixture.read("""
                ~LST({IP, IP1}, {10,1},{20,4},{5,6},{12,8}) 192.168.${IP}.${IP1}
                ~LST(IP, 1, 2) ~LST(IP1, 5,6) 192.169.${IP}.${IP1}
                ~LST({IP,   IP1},  {10,1},{20,4})  ~SEQ(IP2,168,2,172) 192.${IP2}.${IP}.${IP1}
                """);

        assertThat(result.words()).containsExactly(
                "192.168.10.1", "192.168.20.4", "192.168.5.6", "192.168.12.8",
                "192.169.1.5", "192.169.1.6", "192.169.2.5", "192.169.2.6",
                "192.168.10.1", "192.170.10.1", "192.172.10.1", "192.168.20.4", "192.170.20.4", "192.172.20.4");
    }

    @Test
    void invalidListsAreReportedWithoutSwallowingTheNextRepeater() {
        // keepalived 2.2.7 reports "~LST specification has too many values" and "Invalid ~LST
        // specification", and then (a counting bug) silently drops the next ~SEQ; here it is kept.
        ReaderFixture.Result result = ReaderFixture.read("~LST({a},{1,2}) lc$a\n~LST(w,a b,c) l3-$w\n~SEQ(y,2) y-$y\n");

        assertThat(result.messages()).containsExactly(
                "ERROR 1 ~LST specification has too many values",
                "ERROR 2 Invalid ~LST specification");
        assertThat(result.words()).containsExactly("y-1", "y-2");
    }

    @Test
    void repeatedLinesMayOpenBlocks() {
        // "$i/24" would stay as written: '/' may not follow a plain reference.
        ReaderFixture.Result result = ReaderFixture.read("virtual_ipaddress {\n ~SEQ(i,2) 10.0.0.${i}/24 $i/24\n}\n"
                + "~SEQ(n,2) group$n { x }\n");

        assertThat(result.render()).isEqualTo("virtual_ipaddress\n  10.0.0.1/24|$i/24\n  10.0.0.2/24|$i/24\n"
                + "group1\n  x\ngroup2\n  x\n");
    }

    @Test
    void aRunawaySequenceIsCutWithAnError() {
        ReaderFixture.Result result = ReaderFixture.read("~SEQ(i,0,1,9223372036854775807) x\nafter\n");

        assertThat(result.tree()).hasSize(100_001);
        assertThat(result.tree().get(100_000).keyword()).isEqualTo("after");
        assertThat(result.messages())
                .containsExactly("ERROR 1 ~SEQ, ~LST or multi-line parameters produce more than 100000 lines - ignoring the rest");
    }
}
