package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkMessagesTest {

    @Test
    void splitsADatagramIntoAlignedMessages() {
        ByteBuffer datagram = buffer(64);
        header(datagram, 21, Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_MULTI, 5, 0);
        datagram.put(new byte[] {1, 2, 3, 4, 5}).put(new byte[3]);
        header(datagram, 20, Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 5, 0);
        datagram.putInt(0);
        datagram.flip();

        List<NetlinkMessage> messages = NetlinkMessages.split(datagram);

        assertThat(messages).extracting(NetlinkMessage::type).containsExactly(Rtnetlink.RTM_NEWLINK, Netlink.NLMSG_DONE);
        assertThat(messages.get(0).payload().remaining()).isEqualTo(5);
        assertThat(messages.get(0).payload().get(4)).isEqualTo((byte) 5);
        assertThat(messages.get(1).sequence()).isEqualTo(5);
    }

    @Test
    void dropsATruncatedTrailingMessage() {
        ByteBuffer datagram = buffer(40);
        header(datagram, 16, Netlink.NLMSG_NOOP, 0, 1, 0);
        header(datagram, 100, Rtnetlink.RTM_NEWADDR, 0, 1, 0);
        datagram.flip();

        assertThat(NetlinkMessages.split(datagram)).hasSize(1);
    }

    @Test
    void readsAnAcknowledgementAsErrorCodeZero() {
        ByteBuffer payload = buffer(20).putInt(0);
        NetlinkMessage ack = new NetlinkMessage(Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED, 3, 0, payload.flip());

        assertThat(NetlinkMessages.errorCode(ack)).isZero();
        assertThat(NetlinkMessages.extendedAckMessage(ack)).isNull();
    }

    @Test
    void turnsAnErrorWithExtendedAckIntoATypedException() {
        byte[] text = "ipv4: Invalid scope value.\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer payload = buffer(128);
        payload.putInt(-Errno.EINVAL);
        header(payload, 40, Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_REQUEST, 3, 0);
        payload.putShort((short) (4 + text.length)).putShort((short) Netlink.NLMSGERR_ATTR_MSG).put(text);
        payload.flip();
        NetlinkMessage error = new NetlinkMessage(Netlink.NLMSG_ERROR,
                Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, 3, 0, payload);

        NetlinkException exception = NetlinkMessages.toException("RTM_NEWADDR 10.0.0.1/24", error);

        assertThat(exception.errno()).isEqualTo(Errno.EINVAL);
        assertThat(exception.errnoName()).isEqualTo("EINVAL");
        assertThat(exception.kernelMessage()).isEqualTo("ipv4: Invalid scope value.");
        assertThat(exception.call()).isEqualTo("RTM_NEWADDR 10.0.0.1/24");
        assertThat(exception).hasMessage("RTM_NEWADDR 10.0.0.1/24 failed: Invalid argument: "
                + "ipv4: Invalid scope value. (EINVAL)");
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static void header(ByteBuffer buffer, int length, int type, int flags, int sequence, int port) {
        buffer.putInt(length).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(port);
    }
}
