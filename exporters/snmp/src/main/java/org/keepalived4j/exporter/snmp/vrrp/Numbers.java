package org.keepalived4j.exporter.snmp.vrrp;

/** Numbers in configuration words as keepalived's parsers read them: decimal, {@code 0x} hex or {@code 0} octal. */
final class Numbers {

    private Numbers() {
    }

    static int decode(String text, int otherwise) {
        return (int) decodeLong(text, otherwise);
    }

    static long decodeLong(String text, long otherwise) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
