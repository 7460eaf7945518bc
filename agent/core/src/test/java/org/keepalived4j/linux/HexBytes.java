package org.keepalived4j.linux;

import java.util.HexFormat;

/** Golden vectors written as annotated hex: one string per field, spaces ignored. */
public final class HexBytes {

    private HexBytes() {
    }

    public static byte[] hex(String... fields) {
        return HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
    }

    public static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A 32-bit number as little-endian hex, e.g. a sequence number or a negative errno. */
    public static String le32(int value) {
        return String.format("%02x%02x%02x%02x", value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff,
                value >>> 24);
    }
}
