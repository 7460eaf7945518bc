package org.keepalived4j.ipvs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one generic-netlink request: {@code struct nlmsghdr}, {@code struct genlmsghdr}, then
 * attributes ({@code struct nlattr} + value, each padded to 4 bytes). Header and attribute
 * numbers are in the host's byte order (given, so tests can pin it); the {@code be16} and raw
 * byte writers are for values the kernel keeps in network order (ports, addresses, masks).
 * Nested attributes are written without NLA_F_NESTED, as the kernel's own IPVS replies are.
 */
final class GenlMessageWriter {

    private static final int MAX_MESSAGE = 8192;

    private final ByteBuffer buffer;
    private int openNests;

    GenlMessageWriter(ByteOrder hostOrder, int type, int flags, int sequence, int command, int version) {
        buffer = ByteBuffer.allocate(MAX_MESSAGE).order(hostOrder);
        buffer.putInt(0); // nlmsg_len, set by finish()
        buffer.putShort((short) type);
        buffer.putShort((short) flags);
        buffer.putInt(sequence);
        buffer.putInt(0); // nlmsg_pid: 0, the kernel knows who sent it
        buffer.put((byte) command);
        buffer.put((byte) version);
        buffer.putShort((short) 0); // reserved
    }

    GenlMessageWriter u8(int type, int value) {
        header(type, 1);
        buffer.put((byte) value);
        return pad();
    }

    GenlMessageWriter u16(int type, int value) {
        header(type, 2);
        buffer.putShort((short) value);
        return pad();
    }

    /** A 16-bit value in network byte order (nla_put_be16). */
    GenlMessageWriter be16(int type, int value) {
        header(type, 2);
        buffer.put((byte) (value >>> 8)).put((byte) value);
        return pad();
    }

    GenlMessageWriter u32(int type, int value) {
        header(type, 4);
        buffer.putInt(value);
        return pad();
    }

    /** A 32-bit value in network byte order (nla_put_be32). */
    GenlMessageWriter be32(int type, int value) {
        header(type, 4);
        buffer.put((byte) (value >>> 24)).put((byte) (value >>> 16)).put((byte) (value >>> 8)).put((byte) value);
        return pad();
    }

    GenlMessageWriter bytes(int type, byte[] value) {
        header(type, value.length);
        buffer.put(value);
        return pad();
    }

    /** A NUL-terminated string (nla_put_string). */
    GenlMessageWriter string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        header(type, text.length + 1);
        buffer.put(text).put((byte) 0);
        return pad();
    }

    /** Opens a nested attribute; returns the mark to pass to {@link #endNested(int)}. */
    int beginNested(int type) {
        int mark = buffer.position();
        header(type, 0);
        openNests++;
        return mark;
    }

    GenlMessageWriter endNested(int mark) {
        buffer.putShort(mark, (short) (buffer.position() - mark));
        openNests--;
        return this;
    }

    /** The finished message, with nlmsg_len filled in. */
    byte[] finish() {
        if (openNests != 0) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        buffer.putInt(0, buffer.position());
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private void header(int type, int valueLength) {
        buffer.putShort((short) (IpvsUapi.NLA_HDRLEN + valueLength));
        buffer.putShort((short) type);
    }

    private GenlMessageWriter pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
        return this;
    }
}
