package org.keepalived4j.ipvs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One netlink message from the kernel: the {@code struct nlmsghdr} fields and the bytes after
 * that header (for a generic-netlink message: the {@code genlmsghdr} and its attributes).
 *
 * @param type nlmsg_type (a family id, or NLMSG_ERROR / NLMSG_DONE / ...)
 * @param flags nlmsg_flags
 * @param sequence nlmsg_seq
 * @param portId nlmsg_pid
 * @param payload the bytes after the 16-byte header, up to nlmsg_len
 */
public record GenlMessage(int type, int flags, int sequence, int portId, byte[] payload) {

    /** Splits one received datagram into its messages (NLMSG_ALIGN'ed one after the other). */
    static List<GenlMessage> split(byte[] datagram, int length, ByteOrder hostOrder) throws MalformedReplyException {
        List<GenlMessage> messages = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(datagram, 0, length).order(hostOrder);
        while (length - in.position() >= IpvsUapi.NLMSG_HDRLEN) {
            int start = in.position();
            int messageLength = in.getInt();
            if (messageLength < IpvsUapi.NLMSG_HDRLEN || messageLength > length - start) {
                throw new MalformedReplyException("netlink message length " + Integer.toUnsignedString(messageLength)
                        + " with " + (length - start) + " bytes left");
            }
            int type = Short.toUnsignedInt(in.getShort());
            int flags = Short.toUnsignedInt(in.getShort());
            int sequence = in.getInt();
            int portId = in.getInt();
            byte[] payload = Arrays.copyOfRange(datagram, start + IpvsUapi.NLMSG_HDRLEN, start + messageLength);
            messages.add(new GenlMessage(type, flags, sequence, portId, payload));
            in.position(Math.min(length, start + GenlAttributes.align(messageLength)));
        }
        if (in.position() != length) {
            throw new MalformedReplyException((length - in.position()) + " trailing bytes after the last message");
        }
        return messages;
    }

    /** The generic-netlink command (genlmsghdr.cmd). */
    int command() throws MalformedReplyException {
        requireGenlHeader();
        return Byte.toUnsignedInt(payload[0]);
    }

    /** The attributes after the genlmsghdr. */
    GenlAttributes attributes(ByteOrder hostOrder) throws MalformedReplyException {
        requireGenlHeader();
        return GenlAttributes.parse(payload, IpvsUapi.GENL_HDRLEN, payload.length - IpvsUapi.GENL_HDRLEN, hostOrder);
    }

    private void requireGenlHeader() throws MalformedReplyException {
        if (payload.length < IpvsUapi.GENL_HDRLEN) {
            throw new MalformedReplyException("message type " + type + " is too short for a genlmsghdr");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GenlMessage
                && ((GenlMessage) other).type == type
                && ((GenlMessage) other).flags == flags
                && ((GenlMessage) other).sequence == sequence
                && ((GenlMessage) other).portId == portId
                && Arrays.equals(((GenlMessage) other).payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + sequence) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "GenlMessage[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", seq="
                + Integer.toUnsignedString(sequence) + ", pid=" + Integer.toUnsignedString(portId) + ", "
                + payload.length + " payload bytes]";
    }
}
