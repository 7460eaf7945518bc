package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.HexBytes.hex;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class GenlReplyCollectorTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @Test
    void anAckEndsADoRequest() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(3, LE);
        assertThat(accept(collector, GoldenReplies.ack(3, GoldenReplies.getFamilyHeader(3)))).isTrue();
        assertThat(collector.reply()).isEqualTo(new GenlReply(java.util.List.of(), 0, null, false));
    }

    @Test
    void aReplyThenAnAckInTwoDatagramsIsOneExchange() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(1, LE);
        assertThat(accept(collector, GoldenReplies.ipvsFamily(1))).isFalse();
        assertThat(accept(collector, GoldenReplies.ack(1, GoldenReplies.getFamilyHeader(1)))).isTrue();
        assertThat(collector.reply().messages()).hasSize(1);
        assertThat(collector.reply().ok()).isTrue();
    }

    @Test
    void theGetFamilyErrorOfAKernelWithoutIpvsIsEnoent() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(1, LE);
        byte[] enoent = hex(
                "24000000", "0200", "0001", "01000000", "34120000", // NLMSG_ERROR, NLM_F_CAPPED
                "feffffff",                                         // error -2 (ENOENT)
                "20000000 1000 0500 01000000 00000000");            // the GETFAMILY request header
        assertThat(accept(collector, enoent)).isTrue();
        assertThat(collector.reply().errno()).isEqualTo(2);
        assertThat(collector.reply().ok()).isFalse();
    }

    @Test
    void readsTheExtendedAckTextAfterAnUncappedError() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(14, LE);
        byte[] einval = hex(
                "38000000", "0200", "0002", "0e000000", "34120000", // len 56, NLM_F_ACK_TLVS (0x200), not capped
                "eaffffff",                                         // error -22 (EINVAL)
                "14000000 1b00 0500 0e000000 00000000 0f010000",    // the whole 20-byte request echoed
                "0d00 0100 62616420 61747472 00 000000");           // NLMSGERR_ATTR_MSG (1) "bad attr\0"
        accept(collector, einval);
        assertThat(collector.reply().errno()).isEqualTo(22);
        assertThat(collector.reply().errorMessage()).isEqualTo("bad attr");
    }

    @Test
    void readsTheExtendedAckTextAfterACappedError() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(2, LE);
        byte[] eexist = hex(
                "30000000", "0200", "0003", "02000000", "34120000", // len 48, NLM_F_CAPPED | NLM_F_ACK_TLVS
                "efffffff",                                         // error -17 (EEXIST)
                "68000000 1b00 0500 02000000 00000000",             // request header only
                "0b00 0100 65786973 747300 00");                    // NLMSGERR_ATTR_MSG "exists\0"
        accept(collector, eexist);
        assertThat(collector.reply().errno()).isEqualTo(17);
        assertThat(collector.reply().errorMessage()).isEqualTo("exists");
    }

    @Test
    void aDumpSpanningDatagramsEndsAtDone() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(6, LE);
        assertThat(accept(collector, GoldenReplies.destinationDump(6))).isFalse();
        assertThat(accept(collector, GoldenReplies.done(6, 0))).isTrue();
        assertThat(collector.reply().messages()).hasSize(2);
        assertThat(collector.reply().ok()).isTrue();
    }

    @Test
    void aDumpAbortedByTheKernelCarriesItsErrno() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(6, LE);
        accept(collector, GoldenReplies.done(6, 12));
        assertThat(collector.reply().errno()).isEqualTo(12);
    }

    @Test
    void skipsRepliesToAnEarlierRequest() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(5, LE);
        assertThat(accept(collector, GoldenReplies.done(4, 0))).isFalse();
        assertThat(accept(collector, GoldenReplies.serviceDump(5))).isTrue();
        assertThat(collector.staleMessages()).isEqualTo(1);
        assertThat(collector.reply().messages()).hasSize(2);
    }

    @Test
    void notesAnInterruptedDump() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(5, LE);
        byte[] dump = GoldenReplies.serviceDump(5);
        dump[6] |= 0x10; // NLM_F_DUMP_INTR on the first message
        accept(collector, dump);
        assertThat(collector.reply().dumpInterrupted()).isTrue();
    }

    @Test
    void ignoresNoop() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(5, LE);
        assertThat(accept(collector, hex("10000000 0100 0000 05000000 34120000"))).isFalse();
        assertThat(collector.done()).isFalse();
    }

    @Test
    void anOverrunIsAnError() {
        GenlReplyCollector collector = new GenlReplyCollector(5, LE);
        assertThatThrownBy(() -> accept(collector, hex("10000000 0400 0000 05000000 34120000")))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("OVERRUN");
    }

    @Test
    void rejectsAMessageLongerThanItsDatagram() {
        GenlReplyCollector collector = new GenlReplyCollector(5, LE);
        assertThatThrownBy(() -> accept(collector, hex("40000000 0300 0000 05000000 34120000 00000000")))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("length 64");
    }

    @Test
    void rejectsAnAttributeRunningPastItsMessage() throws Exception {
        GenlReplyCollector collector = new GenlReplyCollector(1, LE);
        accept(collector, hex("1c000000 1000 0000 01000000 34120000", "01020000", "0c00 0100 1b00 0000"));
        accept(collector, GoldenReplies.ack(1, GoldenReplies.getFamilyHeader(1)));
        IpvsReplyParser parser = new IpvsReplyParser(LE);
        assertThatThrownBy(() -> parser.family(collector.reply()))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("length 12");
    }

    @Test
    void readsTheSequenceNumberOfARequest() {
        byte[] request = new IpvsMessageCodec(LE).flush(0x1b, 0x01020304);
        assertThat(GenlReplyCollector.sequenceOf(request, LE)).isEqualTo(0x01020304);
    }

    private static boolean accept(GenlReplyCollector collector, byte[] datagram) throws MalformedReplyException {
        return collector.accept(datagram, datagram.length);
    }
}
