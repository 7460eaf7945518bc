package org.keepalived4j.linux;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The attributes ({@code struct rtattr}/{@code nlattr}: len u16, type u16, value, padded to 4)
 * of one message or nested attribute, by type (NLA_F_NESTED and NLA_F_NET_BYTEORDER masked
 * off). The last one wins when a type repeats. Numbers are read in the byte order of the buffer
 * parsed (the host's, for what a socket received).
 */
public final class NetlinkAttributes {

    private final Map<Integer, ByteBuffer> values;

    private NetlinkAttributes(Map<Integer, ByteBuffer> values) {
        this.values = values;
    }

    /** Parses the attributes from {@code region}'s position to its limit; stops at malformed ones. */
    public static NetlinkAttributes parse(ByteBuffer region) {
        ByteOrder order = region.order();
        ByteBuffer buffer = region.duplicate().order(order);
        Map<Integer, ByteBuffer> values = new HashMap<>();
        int offset = buffer.position();
        int end = buffer.limit();
        while (offset + 4 <= end) {
            int length = buffer.getShort(offset) & 0xffff;
            if (length < 4 || offset + length > end) {
                break;
            }
            ByteBuffer value = buffer.duplicate();
            value.position(offset + 4).limit(offset + length);
            values.put(buffer.getShort(offset + 2) & Netlink.NLA_TYPE_MASK,
                    value.slice().order(order));
            offset += Netlink.align(length);
        }
        return new NetlinkAttributes(values);
    }

    /** Attributes following a fixed header of {@code headerSize} bytes in a message payload. */
    public static NetlinkAttributes afterHeader(ByteBuffer payload, int headerSize) {
        ByteBuffer rest = payload.duplicate().order(payload.order());
        rest.position(Math.min(rest.limit(), Netlink.align(headerSize)));
        return parse(rest.slice().order(payload.order()));
    }

    /** Whether an attribute of this type is present. */
    public boolean has(int type) {
        return values.containsKey(type);
    }

    /** A copy of the value, or null. */
    public byte[] bytes(int type) {
        ByteBuffer value = values.get(type);
        if (value == null) {
            return null;
        }
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        return copy;
    }

    /** A 32-bit host-order value, or {@code absent}. */
    public int u32(int type, int absent) {
        ByteBuffer value = values.get(type);
        return value != null && value.remaining() >= 4 ? value.getInt(0) : absent;
    }

    /** A 16-bit host-order value, or {@code absent}. */
    public int u16(int type, int absent) {
        ByteBuffer value = values.get(type);
        return value != null && value.remaining() >= 2 ? value.getShort(0) & 0xffff : absent;
    }

    /** An 8-bit value, or {@code absent}. */
    public int u8(int type, int absent) {
        ByteBuffer value = values.get(type);
        return value != null && value.remaining() >= 1 ? value.get(0) & 0xff : absent;
    }

    /** A NUL-terminated string value, or null. */
    public String string(int type) {
        byte[] raw = bytes(type);
        if (raw == null) {
            return null;
        }
        int length = 0;
        while (length < raw.length && raw[length] != 0) {
            length++;
        }
        return new String(raw, 0, length, StandardCharsets.UTF_8);
    }

    /** An IPv4/IPv6 address value, or null when absent or not 4/16 bytes long. */
    public InetAddress address(int type) {
        byte[] raw = bytes(type);
        if (raw == null || (raw.length != 4 && raw.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4- or 16-byte address rejected", e);
        }
    }

    /** The attributes nested inside attribute {@code type} (empty when absent). */
    public NetlinkAttributes nested(int type) {
        ByteBuffer value = values.get(type);
        return value == null ? new NetlinkAttributes(Map.of()) : parse(value);
    }

    /** The raw value (a read view, position 0), or null. */
    public ByteBuffer raw(int type) {
        ByteBuffer value = values.get(type);
        return value == null ? null : value.duplicate().order(value.order());
    }
}
