package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.linux.HexBytes.hex;
import static org.keepalived4j.linux.HexBytes.le32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Family resolution through the controller, against recorded little-endian datagrams. */
@ExtendWith(LittleEndianHost.class)
class GenericNetlinkTest {

    private final ScriptedNetlinkKernel kernel = new ScriptedNetlinkKernel();
    private final NetlinkChannel channel = kernel.channel();

    @Test
    void asksTheControllerForTheFamilyByNameAndReadsItsId() throws Exception {
        kernel.then(seq -> new byte[][] {NetlinkReplies.ipvsFamily(seq), ack(seq)});
        assertThat(GenericNetlink.familyId(channel, "IPVS")).isEqualTo(0x1b);
        assertThat(HexBytes.hexOf(kernel.requests().get(0))).isEqualTo(HexBytes.hexOf(hex(
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
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, Errno.ENOENT, NetlinkReplies.getFamilyHeader(seq))});
        assertThatThrownBy(() -> GenericNetlink.familyId(channel, "IPVS"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
                .hasMessageContaining("\"IPVS\"");
    }

    @Test
    void aReplyWithoutAnIdIsAProtocolError() {
        kernel.then(seq -> new byte[][] {hex("1c000000 1000 0000", le32(seq), "34120000", "01020000",
                "0900 0200 49505653 00 000000"), ack(seq)});
        assertThatThrownBy(() -> GenericNetlink.familyId(channel, "IPVS"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPROTO));
    }

    private static byte[] ack(int sequence) {
        return NetlinkReplies.ack(sequence, NetlinkReplies.getFamilyHeader(sequence));
    }
}
