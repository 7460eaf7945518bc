package org.keepalived4j.exporter.snmp.agentx;

/**
 * The {@code res.error} codes of an agentx-Response-PDU this subagent sends or reads: the SNMP
 * error-status values it uses (RFC 3416) and AgentX's own (RFC 2741 6.2.16).
 */
enum ResponseError implements WireCode {
    NO_ERROR(0),
    GEN_ERR(5),
    COMMIT_FAILED(14),
    UNDO_FAILED(15),
    NOT_WRITABLE(17),
    OPEN_FAILED(256),
    NOT_OPEN(257),
    INDEX_WRONG_TYPE(258),
    INDEX_ALREADY_ALLOCATED(259),
    INDEX_NONE_AVAILABLE(260),
    INDEX_NOT_ALLOCATED(261),
    UNSUPPORTED_CONTEXT(262),
    DUPLICATE_REGISTRATION(263),
    UNKNOWN_REGISTRATION(264),
    UNKNOWN_AGENT_CAPS(265),
    PARSE_ERROR(266),
    REQUEST_DENIED(267),
    PROCESSING_ERROR(268);

    final int code;

    ResponseError(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    static String describe(int code) {
        return WireCode.describe(ResponseError.class, code);
    }
}
