package org.keepalived4j.ipvs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of one level of a netlink message, by type (flag bits masked off; the last
 * occurrence of a type wins, as with the kernel's nla_parse). Getters read the host byte order
 * the attributes were parsed with, except the {@code be} ones, which read network order.
 */
final class GenlAttributes {

    private final Map<Integer, ByteBuffer> values;
    private final ByteOrder hostOrder;

    private GenlAttributes(Map<Integer, ByteBuffer> values, ByteOrder hostOrder) {
        this.values = values;
        this.hostOrder = hostOrder;
    }

    /**
     * Parses the attribute stream in {@code data[offset, offset + length)}.
     *
     * @throws MalformedReplyException if an attribute header is short or runs past the end
     */
    static GenlAttributes parse(byte[] data, int offset, int length, ByteOrder hostOrder)
            throws MalformedReplyException {
        Map<Integer, ByteBuffer> values = new HashMap<>();
        ByteBuffer in = ByteBuffer.wrap(data, offset, length).order(hostOrder);
        int end = offset + length;
        while (end - in.position() >= IpvsUapi.NLA_HDRLEN) {
            int start = in.position();
            int attributeLength = Short.toUnsignedInt(in.getShort());
            int type = Short.toUnsignedInt(in.getShort()) & IpvsUapi.NLA_TYPE_MASK;
            if (attributeLength < IpvsUapi.NLA_HDRLEN || attributeLength > end - start) {
                throw new MalformedReplyException("attribute " + type + " has length " + attributeLength
                        + " with " + (end - start) + " bytes left");
            }
            ByteBuffer value = ByteBuffer.wrap(data, start + IpvsUapi.NLA_HDRLEN,
                    attributeLength - IpvsUapi.NLA_HDRLEN).slice().order(hostOrder);
            values.put(type, value);
            in.position(Math.min(end, start + align(attributeLength)));
        }
        return new GenlAttributes(values, hostOrder);
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    boolean has(int type) {
        return values.containsKey(type);
    }

    int u8(int type) throws MalformedReplyException {
        return Byte.toUnsignedInt(value(type, 1).get(0));
    }

    int u16(int type) throws MalformedReplyException {
        return Short.toUnsignedInt(value(type, 2).getShort(0));
    }

    int be16(int type) throws MalformedReplyException {
        ByteBuffer value = value(type, 2);
        return (Byte.toUnsignedInt(value.get(0)) << 8) | Byte.toUnsignedInt(value.get(1));
    }

    int u32(int type) throws MalformedReplyException {
        return value(type, 4).getInt(0);
    }

    int be32(int type) throws MalformedReplyException {
        return value(type, 4).duplicate().order(ByteOrder.BIG_ENDIAN).getInt(0);
    }

    /** The value's bytes (at least {@code minimumLength} of them). */
    byte[] bytes(int type, int minimumLength) throws MalformedReplyException {
        ByteBuffer value = value(type, minimumLength);
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        return copy;
    }

    /** A string attribute, up to its first NUL. */
    String string(int type) throws MalformedReplyException {
        byte[] raw = bytes(type, 0);
        int length = 0;
        while (length < raw.length && raw[length] != 0) {
            length++;
        }
        return new String(raw, 0, length, StandardCharsets.US_ASCII);
    }

    GenlAttributes nested(int type) throws MalformedReplyException {
        ByteBuffer value = value(type, 0);
        return parse(value.array(), value.arrayOffset(), value.remaining(), hostOrder);
    }

    private ByteBuffer value(int type, int minimumLength) throws MalformedReplyException {
        ByteBuffer value = values.get(type);
        if (value == null) {
            throw new MalformedReplyException("attribute " + type + " is missing");
        }
        if (value.remaining() < minimumLength) {
            throw new MalformedReplyException("attribute " + type + " has " + value.remaining()
                    + " bytes, needs " + minimumLength);
        }
        return value;
    }
}
