package org.keepalived4j.exporter.snmp.agentx;

/** The AgentX PDU types and their {@code h.type} codes (RFC 2741 6.1). */
enum AgentxPduType {
    OPEN(1),
    CLOSE(2),
    REGISTER(3),
    UNREGISTER(4),
    GET(5),
    GET_NEXT(6),
    GET_BULK(7),
    TEST_SET(8),
    COMMIT_SET(9),
    UNDO_SET(10),
    CLEANUP_SET(11),
    NOTIFY(12),
    PING(13),
    INDEX_ALLOCATE(14),
    INDEX_DEALLOCATE(15),
    ADD_AGENT_CAPS(16),
    REMOVE_AGENT_CAPS(17),
    RESPONSE(18);

    private static final AgentxPduType[] BY_CODE = new AgentxPduType[19];

    static {
        for (AgentxPduType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;

    AgentxPduType(int code) {
        this.code = code;
    }

    /** The type with this code, or {@code null} for a code RFC 2741 does not define. */
    static AgentxPduType of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * Whether a context follows the header when NON_DEFAULT_CONTEXT is set. RFC 2741 6.1.1 gives
     * none to Open, Close, the three set phases after TestSet and Response; but net-snmp's
     * subagents echo a request's flag in their Response together with the (empty) context, and
     * snmpd reads it so, hence a Response's context is read and written too.
     */
    boolean carriesContext() {
        return switch (this) {
            case OPEN, CLOSE, COMMIT_SET, UNDO_SET, CLEANUP_SET -> false;
            default -> true;
        };
    }
}
