package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A NETLINK_GENERIC channel against this machine's kernel, through its always-present controller. */
class GenericNetlinkIT {

    private final NetlinkChannel channel = open(Duration.ofSeconds(2));

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void resolvesTheControllerFamilyItself() throws Exception {
        assertThat(GenericNetlink.familyId(channel, "nlctrl")).isEqualTo(GenericNetlink.GENL_ID_CTRL);
    }

    @Test
    void anUnknownFamilyIsEnoent() {
        assertThatThrownBy(() -> GenericNetlink.familyId(channel, "k4jNoSuchFamily"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void aFamilyDumpIsMultiPartAndNamesTheController() throws Exception {
        GenericNetlink.header(channel.begin(GenericNetlink.GENL_ID_CTRL, Netlink.NLM_F_DUMP),
                GenericNetlink.CTRL_CMD_GETFAMILY, GenericNetlink.CTRL_VERSION);
        List<NetlinkMessage> families = channel.dump("family dump");
        assertThat(families).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.flags() & Netlink.NLM_F_MULTI).isNotZero());
        assertThat(families).extracting(m -> GenericNetlink.attributes(m).string(GenericNetlink.CTRL_ATTR_FAMILY_NAME))
                .contains("nlctrl");
    }

    @Test
    void aRequestTheKernelDoesNotAnswerTimesOut() {
        NetlinkChannel quick = open(Duration.ofMillis(300));
        try {
            // without NLM_F_ACK the kernel answers the lookup but never ends the exchange
            GenericNetlink.header(quick.begin(GenericNetlink.GENL_ID_CTRL, 0), GenericNetlink.CTRL_CMD_GETFAMILY,
                    GenericNetlink.CTRL_VERSION).attributeString(GenericNetlink.CTRL_ATTR_FAMILY_NAME, "nlctrl");
            assertThatThrownBy(() -> quick.execute("unanswered"))
                    .isInstanceOfSatisfying(SyscallException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.ETIMEDOUT));
        } finally {
            quick.close();
        }
    }

    private static NetlinkChannel open(Duration timeout) {
        try {
            return NetlinkChannel.open(Netlink.NETLINK_GENERIC, timeout);
        } catch (SyscallException e) {
            throw new AssertionError("cannot open a NETLINK_GENERIC socket on this machine", e);
        }
    }
}
