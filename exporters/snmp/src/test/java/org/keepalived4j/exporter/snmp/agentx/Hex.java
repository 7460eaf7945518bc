package org.keepalived4j.exporter.snmp.agentx;

import java.util.HexFormat;

/** Test vectors written as hex, with spaces and line breaks anywhere for readability. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
