package org.keepalived4j.exporter.snmp.agentx;

/** Why bytes are not a well-formed AgentX PDU. */
enum AgentxDecodeError {
    /** Fewer than the header's 20 bytes. */
    SHORT_HEADER,
    /** {@code h.version} is not 1. */
    UNSUPPORTED_VERSION,
    /** {@code h.type} is none of RFC 2741's 18 types. */
    UNKNOWN_TYPE,
    /**
     * {@code h.payload_length} is not a multiple of 4 (RFC 2741 6.1) or not the number of bytes
     * that follow the header.
     */
    BAD_PAYLOAD_LENGTH,
    /** A field runs past the payload, or breaks its encoding's rules, or bytes are left over. */
    MALFORMED_PAYLOAD
}
