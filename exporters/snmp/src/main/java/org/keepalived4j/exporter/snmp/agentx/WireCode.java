package org.keepalived4j.exporter.snmp.agentx;

/** An enum of numbers RFC 2741 puts on the wire (close reasons, errors, value types). */
interface WireCode {

    int code();

    /** The constant with this code, or {@code null} when none has it. */
    static <E extends Enum<E> & WireCode> E find(Class<E> type, int code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code() == code) {
                return constant;
            }
        }
        return null;
    }

    /** The constant's name for a log line, or the bare number for a code none has. */
    static <E extends Enum<E> & WireCode> String describe(Class<E> type, int code) {
        E constant = find(type, code);
        return constant != null ? constant.name() : Integer.toString(code);
    }
}
