package org.keepalived4j.linux;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink request: header, fixed struct, then attributes (nested ones too), all in
 * host byte order and 4-byte aligned. Reusable: {@link #begin} starts over.
 */
public final class NetlinkMessageWriter {

    private final ByteBuffer buffer;

    /** A writer for messages of at most {@code capacity} bytes. */
    public NetlinkMessageWriter(int capacity) {
        buffer = ByteBuffer.allocate(capacity).order(ByteOrder.nativeOrder());
    }

    /** Starts a message: writes the header with a placeholder length. */
    public NetlinkMessageWriter begin(int type, int flags, int sequence) {
        buffer.clear();
        buffer.putInt(0).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(0);
        return this;
    }

    /** Appends one byte of the fixed struct. */
    public NetlinkMessageWriter putByte(int value) {
        buffer.put((byte) value);
        return this;
    }

    /** Appends a 16-bit host-order field of the fixed struct. */
    public NetlinkMessageWriter putShort(int value) {
        buffer.putShort((short) value);
        return this;
    }

    /** Appends a 32-bit host-order field of the fixed struct. */
    public NetlinkMessageWriter putInt(int value) {
        buffer.putInt(value);
        return this;
    }

    /** Appends an attribute with a raw value. */
    public NetlinkMessageWriter attribute(int type, byte[] value) {
        buffer.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        return pad();
    }

    /** Appends an attribute holding an IP address in network order (4 or 16 bytes). */
    public NetlinkMessageWriter attribute(int type, InetAddress address) {
        return attribute(type, address.getAddress());
    }

    /** Appends a 32-bit host-order attribute. */
    public NetlinkMessageWriter attributeInt(int type, int value) {
        buffer.putShort((short) 8).putShort((short) type).putInt(value);
        return this;
    }

    /** Appends an 8-bit attribute. */
    public NetlinkMessageWriter attributeByte(int type, int value) {
        buffer.putShort((short) 5).putShort((short) type).put((byte) value);
        return pad();
    }

    /** Appends a NUL-terminated string attribute. */
    public NetlinkMessageWriter attributeString(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putShort((short) (4 + bytes.length + 1)).putShort((short) type).put(bytes).put((byte) 0);
        return pad();
    }

    /** Opens a nested attribute; pass the returned position to {@link #endNested}. */
    public int beginNested(int type) {
        int start = buffer.position();
        buffer.putShort((short) 0).putShort((short) (type | Netlink.NLA_F_NESTED));
        return start;
    }

    /** Closes the nested attribute opened at {@code start}. */
    public NetlinkMessageWriter endNested(int start) {
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** Sequence number written by {@link #begin}. */
    public int sequence() {
        return buffer.getInt(8);
    }

    /** Message type written by {@link #begin}. */
    public int type() {
        return buffer.getShort(4) & 0xffff;
    }

    /** Fills in the length; returns a read-only view of the finished message. */
    public ByteBuffer finish() {
        int length = buffer.position();
        buffer.putInt(0, length);
        ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
        view.position(0).limit(length);
        return view.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    private NetlinkMessageWriter pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
        return this;
    }
}
