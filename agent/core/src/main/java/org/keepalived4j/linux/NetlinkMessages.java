package org.keepalived4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits received netlink datagrams into messages and decodes NLMSG_ERROR payloads. */
public final class NetlinkMessages {

    private NetlinkMessages() {
    }

    /**
     * The messages of one datagram ({@code data} from position to limit, in its byte order: the
     * host's for what a socket received). A truncated or malformed trailing message ends the
     * list.
     */
    public static List<NetlinkMessage> split(ByteBuffer data) {
        ByteOrder order = data.order();
        ByteBuffer buffer = data.duplicate().order(order);
        List<NetlinkMessage> messages = new ArrayList<>();
        int offset = buffer.position();
        int end = buffer.limit();
        while (offset + Netlink.HEADER_SIZE <= end) {
            int length = buffer.getInt(offset);
            if (length < Netlink.HEADER_SIZE || offset + length > end) {
                break;
            }
            ByteBuffer payload = buffer.duplicate();
            payload.position(offset + Netlink.HEADER_SIZE).limit(offset + length);
            messages.add(new NetlinkMessage(buffer.getShort(offset + 4) & 0xffff,
                    buffer.getShort(offset + 6) & 0xffff, buffer.getInt(offset + 8),
                    buffer.getInt(offset + 12), payload.slice().order(order)));
            offset += Netlink.align(length);
        }
        return messages;
    }

    /** The errno of an NLMSG_ERROR (positive), or 0 for an acknowledgement. */
    public static int errorCode(NetlinkMessage error) {
        return -error.payload().getInt(0);
    }

    /**
     * The extended-ack text of an NLMSG_ERROR (after the echoed request: its header only when
     * NLM_F_CAPPED), or null when the kernel sent none or the payload is too short to hold it.
     */
    public static String extendedAckMessage(NetlinkMessage error) {
        if ((error.flags() & Netlink.NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        ByteBuffer payload = error.payload();
        if (payload.limit() < 4 + Netlink.HEADER_SIZE) {
            return null;
        }
        int echoed = (error.flags() & Netlink.NLM_F_CAPPED) != 0
                ? Netlink.HEADER_SIZE : payload.getInt(4);
        if (echoed < Netlink.HEADER_SIZE || echoed > payload.limit() - 4) {
            return null;
        }
        int start = 4 + Netlink.align(echoed);
        if (start > payload.limit()) {
            return null;
        }
        ByteBuffer tlvs = payload.duplicate().order(payload.order());
        tlvs.position(start);
        byte[] message = NetlinkAttributes.parse(tlvs.slice().order(payload.order()))
                .bytes(Netlink.NLMSGERR_ATTR_MSG);
        if (message == null) {
            return null;
        }
        int length = message.length;
        while (length > 0 && message[length - 1] == 0) {
            length--;
        }
        return new String(message, 0, length, StandardCharsets.UTF_8);
    }

    /** The exception an NLMSG_ERROR with a non-zero code stands for. */
    public static NetlinkException toException(String request, NetlinkMessage error) {
        return new NetlinkException(request, errorCode(error), extendedAckMessage(error));
    }
}
