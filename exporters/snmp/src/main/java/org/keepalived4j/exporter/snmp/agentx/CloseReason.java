package org.keepalived4j.exporter.snmp.agentx;

/** The {@code c.reason} codes of an agentx-Close-PDU (RFC 2741 6.2.2). */
enum CloseReason implements WireCode {
    OTHER(1),
    PARSE_ERROR(2),
    PROTOCOL_ERROR(3),
    TIMEOUTS(4),
    SHUTDOWN(5),
    BY_MANAGER(6);

    final int code;

    CloseReason(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    static String describe(int code) {
        return WireCode.describe(CloseReason.class, code);
    }
}
