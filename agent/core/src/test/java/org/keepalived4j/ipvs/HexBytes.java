package org.keepalived4j.ipvs;

import java.util.HexFormat;

/** Golden vectors written as annotated hex: one string per field, spaces ignored. */
final class HexBytes {

    private HexBytes() {
    }

    static byte[] hex(String... fields) {
        return HexFormat.of().parseHex(String.join("", fields).replace(" ", ""));
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
