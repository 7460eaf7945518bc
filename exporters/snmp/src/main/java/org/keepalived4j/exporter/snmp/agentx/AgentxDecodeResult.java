package org.keepalived4j.exporter.snmp.agentx;

/**
 * The outcome of decoding one PDU's bytes: the PDU, or why the bytes are not one.
 *
 * @param pdu the PDU, or {@code null} when {@code error} is set
 * @param header the header as far as it could be read (its type is {@code null} when the type
 *        code is unknown, its context missing when the payload could not be read), so a parse
 *        error can still be answered; {@code null} only for {@link AgentxDecodeError#SHORT_HEADER}
 * @param error why the bytes are not a PDU, or {@code null}
 * @param detail what exactly was wrong, for a log line; empty when valid
 */
record AgentxDecodeResult(AgentxPdu pdu, AgentxHeader header, AgentxDecodeError error, String detail) {

    static AgentxDecodeResult of(AgentxPdu pdu) {
        return new AgentxDecodeResult(pdu, pdu.header(), null, "");
    }

    static AgentxDecodeResult failed(AgentxDecodeError error, AgentxHeader header, String detail) {
        return new AgentxDecodeResult(null, header, error, detail);
    }

    boolean valid() {
        return error == null;
    }
}
