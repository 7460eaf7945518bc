package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.linux.HexBytes.hex;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The channel's exchange against recorded kernel datagrams (little-endian host; the replying
 * socket's port id is 0x1234, the requests go to family 0x1b): how replies end, how errors and
 * their extended-ack text become {@link NetlinkException}, and what is skipped.
 */
@ExtendWith(LittleEndianHost.class)
class NetlinkChannelTest {

    private final ScriptedNetlinkKernel kernel = new ScriptedNetlinkKernel();
    private final NetlinkChannel channel = kernel.channel();

    @Test
    void anAckEndsACommandWithNoReplies() throws Exception {
        kernel.then(seq -> new byte[][] {ack(seq)});
        channel.begin(0x1b, Netlink.NLM_F_ACK).putInt(0x0111);
        assertThat(channel.execute("flush")).isEmpty();
    }

    @Test
    void aReplyThenAnAckInTwoDatagramsIsOneExchange() throws Exception {
        kernel.then(seq -> new byte[][] {
            hex("18000000 1b00 0000", le(seq), "34120000", "0e010000", "0400 0100"), ack(seq)});
        channel.begin(0x1b, Netlink.NLM_F_ACK);
        List<NetlinkMessage> replies = channel.execute("get info");
        assertThat(replies).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(0x1b);
            assertThat(m.payload().remaining()).isEqualTo(8);
        });
    }

    @Test
    void anErrorBecomesAnExceptionWithItsErrno() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, Errno.ENOENT, NetlinkReplies.getFamilyHeader(seq))});
        channel.begin(GenericNetlink.GENL_ID_CTRL, Netlink.NLM_F_ACK);
        assertThatThrownBy(() -> channel.execute("resolve IPVS"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.kernelMessage()).isNull();
                    assertThat(e.call()).isEqualTo("resolve IPVS");
                });
    }

    @Test
    void readsTheExtendedAckTextAfterAnUncappedError() {
        kernel.then(seq -> new byte[][] {hex("38000000 0200 0002", le(seq), "34120000", // NLM_F_ACK_TLVS, not capped
                "eaffffff",                                                         // error -22 (EINVAL)
                "14000000 1b00 0500", le(seq), "00000000 0f010000",                 // the whole request echoed
                "0d00 0100 62616420 61747472 00 000000")});                         // NLMSGERR_ATTR_MSG "bad attr"
        channel.begin(0x1b, Netlink.NLM_F_ACK).putInt(0x010f);
        assertThatThrownBy(() -> channel.execute("get info"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.kernelMessage()).isEqualTo("bad attr");
                });
    }

    @Test
    void readsTheExtendedAckTextAfterACappedError() {
        kernel.then(seq -> new byte[][] {hex("30000000 0200 0003", le(seq), "34120000", // CAPPED | ACK_TLVS
                "efffffff",                                                         // error -17 (EEXIST)
                "68000000 1b00 0500", le(seq), "00000000",                          // request header only
                "0b00 0100 65786973 747300 00")});                                  // "exists"
        channel.begin(0x1b, Netlink.NLM_F_ACK);
        assertThatThrownBy(() -> channel.execute("add service"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                    assertThat(e.kernelMessage()).isEqualTo("exists");
                    assertThat(e).hasMessageContaining("add service failed").hasMessageContaining("(EEXIST)");
                });
    }

    @Test
    void aDumpSpanningDatagramsEndsAtDone() throws Exception {
        kernel.then(seq -> new byte[][] {concat(part(seq, 0), part(seq, 0)), part(seq, 0), NetlinkReplies.done(seq, 0)});
        channel.begin(0x1b, Netlink.NLM_F_DUMP);
        assertThat(channel.dump("list")).hasSize(3);
    }

    @Test
    void aDumpAbortedByTheKernelCarriesItsErrno() {
        kernel.then(seq -> new byte[][] {part(seq, 0), NetlinkReplies.done(seq, Errno.ENOMEM)});
        channel.begin(0x1b, Netlink.NLM_F_DUMP);
        assertThatThrownBy(() -> channel.dump("list"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
    }

    @Test
    void skipsRepliesWithAnotherSequenceAndNoops() throws Exception {
        kernel.then(seq -> new byte[][] {NetlinkReplies.done(seq - 1, 0), hex("10000000 0100 0000", le(seq), "34120000"),
            part(seq, 0), NetlinkReplies.done(seq, 0)});
        channel.begin(0x1b, Netlink.NLM_F_DUMP);
        assertThat(channel.dump("list")).singleElement().satisfies(m -> assertThat(m.sequence()).isEqualTo(1));
    }

    @Test
    void readsAnInterruptedDumpAgainWithAFreshSequence() throws Exception {
        kernel.then(seq -> new byte[][] {part(seq, 0x10), NetlinkReplies.done(seq, 0)})   // NLM_F_DUMP_INTR
                .then(seq -> new byte[][] {part(seq, 0), part(seq, 0), NetlinkReplies.done(seq, 0)});
        channel.begin(0x1b, Netlink.NLM_F_DUMP);
        assertThat(channel.dump("list")).hasSize(2);
        assertThat(kernel.requests()).extracting(r -> (int) r[8]).containsExactly(1, 2);
    }

    @Test
    void anOverrunIsAnError() {
        kernel.then(seq -> new byte[][] {hex("10000000 0400 0000", le(seq), "34120000")});
        channel.begin(0x1b, Netlink.NLM_F_DUMP);
        assertThatThrownBy(() -> channel.dump("list")).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("NLMSG_OVERRUN");
    }

    @Test
    void noReplyInTimeIsEtimedout() {
        kernel.then(seq -> new byte[0][]);
        channel.begin(0x1b, Netlink.NLM_F_ACK);
        assertThatThrownBy(() -> channel.execute("flush"))
                .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT));
    }

    @Test
    void closingTheChannelClosesTheSocket() {
        channel.close();
        assertThat(kernel.closed()).isTrue();
    }

    // one dump part: a 20-byte message of family 0x1b, NLM_F_MULTI plus extra flags
    private static byte[] part(int sequence, int extraFlags) {
        return hex("14000000 1b00", le16(0x2 | extraFlags), le(sequence), "34120000", "01010000");
    }

    private static byte[] ack(int sequence) {
        return NetlinkReplies.ack(sequence, "14000000 1b00 0500 " + le(sequence) + " 00000000");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String le(int value) {
        return HexBytes.le32(value);
    }

    private static String le16(int value) {
        return String.format("%02x%02x", value & 0xff, (value >>> 8) & 0xff);
    }
}
