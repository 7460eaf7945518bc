package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.keepalived4j.linux.NetlinkChannelTest.hex;
import static org.keepalived4j.linux.NetlinkChannelTest.le;

import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Family resolution through the controller, against recorded little-endian datagrams. */
class GenericNetlinkTest {

    private final ScriptedNetlinkKernel kernel = new ScriptedNetlinkKernel();
    private final NetlinkChannel channel = NetlinkChannel.over(kernel, Duration.ZERO);

    @BeforeAll
    static void littleEndianHost() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the recorded datagrams are little-endian");
    }

    @Test
    void asksTheControllerForTheFamilyByNameAndReadsItsId() throws Exception {
        kernel.then(seq -> new byte[][] {newFamily(seq), ack(seq)});
        assertThat(GenericNetlink.familyId(channel, "IPVS")).isEqualTo(0x1b);
        assertThat(HexFormat.of().formatHex(kernel.requests().get(0))).isEqualTo(HexFormat.of().formatHex(hex(
                "20000000",                    // nlmsg_len 32
                "1000",                        // nlmsg_type GENL_ID_CTRL (0x10)
                "0500",                        // NLM_F_REQUEST | NLM_F_ACK
                "01000000",                    // nlmsg_seq 1
                "00000000",                    // nlmsg_pid 0
                "03 01 0000",                  // genlmsghdr: CTRL_CMD_GETFAMILY (3), version 1, reserved
                "0900 0200 49505653 00 000000" // CTRL_ATTR_FAMILY_NAME (2) = "IPVS\0", pad 3
        )));
    }

    @Test
    void anUnregisteredFamilyIsEnoent() {
        kernel.then(seq -> new byte[][] {hex("24000000 0200 0001", le(seq), "34120000", "feffffff",
                "20000000 1000 0500", le(seq), "00000000")});
        assertThatThrownBy(() -> GenericNetlink.familyId(channel, "IPVS"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining("\"IPVS\"");
    }

    @Test
    void aReplyWithoutAnIdIsAProtocolError() {
        kernel.then(seq -> new byte[][] {hex("1c000000 1000 0000", le(seq), "34120000", "01020000",
                "0900 0200 49505653 00 000000"), ack(seq)});
        assertThatThrownBy(() -> GenericNetlink.familyId(channel, "IPVS"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPROTO));
    }

    // CTRL_CMD_NEWFAMILY for "IPVS", id 0x1b, as the kernel answers GETFAMILY
    private static byte[] newFamily(int sequence) {
        return hex(
                "40000000 1000 0000", le(sequence), "34120000",
                "01 02 0000",                   // CTRL_CMD_NEWFAMILY (1), controller version 2
                "0900 0200 49505653 00000000",  // CTRL_ATTR_FAMILY_NAME "IPVS\0"
                "0600 0100 1b00 0000",          // CTRL_ATTR_FAMILY_ID (1) = 0x1b, u16
                "0800 0300 01000000",           // CTRL_ATTR_VERSION (3) = 1
                "0800 0400 00000000",           // CTRL_ATTR_HDRSIZE (4) = 0
                "0800 0500 06000000");          // CTRL_ATTR_MAXATTR (5) = 6
    }

    private static byte[] ack(int sequence) {
        return hex("24000000 0200 0001", le(sequence), "34120000", "00000000", "20000000 1000 0500", le(sequence),
                "00000000");
    }
}
