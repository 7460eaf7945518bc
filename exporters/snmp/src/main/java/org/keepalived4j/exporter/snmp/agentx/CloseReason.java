package org.keepalived4j.exporter.snmp.agentx;

/** The {@code c.reason} codes of an agentx-Close-PDU (RFC 2741 6.2.2). */
enum CloseReason {
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

    /** The reason's name for a log line, or the bare number for a code RFC 2741 does not define. */
    static String describe(int code) {
        for (CloseReason r : values()) {
            if (r.code == code) {
                return r.name();
            }
        }
        return Integer.toString(code);
    }
}
