package org.keepalived4j.linux;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one netlink request: header, fixed struct, then attributes (nested ones too), all in
 * host byte order and 4-byte aligned. Values the kernel keeps in network order (addresses,
 * ports) are appended as bytes. Reusable: {@link #begin} starts over.
 */
public final class NetlinkMessageWriter {

    private final ByteBuffer buffer;

    /** A writer for messages of at most {@code capacity} bytes. */
    public NetlinkMessageWriter(int capacity) {
        this(capacity, ByteOrder.nativeOrder());
    }

    /** A writer for another host's byte order: golden vectors pinned to one order. */
    public NetlinkMessageWriter(int capacity, ByteOrder hostOrder) {
        buffer = ByteBuffer.allocate(capacity).order(hostOrder);
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

    /** Appends a 16-bit host-order attribute. */
    public NetlinkMessageWriter attributeShort(int type, int value) {
        buffer.putShort((short) 6).putShort((short) type).putShort((short) value);
        return pad();
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

    /** Opens a nested attribute marked NLA_F_NESTED; pass the returned position to {@link #endNested}. */
    public int beginNested(int type) {
        return beginNestedNoFlag(type | Netlink.NLA_F_NESTED);
    }

    /**
     * Opens a nested attribute without NLA_F_NESTED (the kernel's nla_nest_start_noflag), as
     * older generic-netlink families such as IPVS write and expect them.
     */
    public int beginNestedNoFlag(int type) {
        int start = buffer.position();
        buffer.putShort((short) 0).putShort((short) type);
        return start;
    }

    /** Closes the nested attribute opened at {@code start}. */
    public NetlinkMessageWriter endNested(int start) {
        buffer.putShort(start, (short) (buffer.position() - start));
        return this;
    }

    /** The byte order of headers and numbers: the host's, unless given. */
    public ByteOrder order() {
        return buffer.order();
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
        ByteBuffer view = buffer.duplicate().order(buffer.order());
        view.position(0).limit(length);
        return view.asReadOnlyBuffer().order(buffer.order());
    }

    private NetlinkMessageWriter pad() {
        while ((buffer.position() & 3) != 0) {
            buffer.put((byte) 0);
        }
        return this;
    }
}
