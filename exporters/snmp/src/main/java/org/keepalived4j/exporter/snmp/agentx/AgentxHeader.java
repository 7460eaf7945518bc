package org.keepalived4j.exporter.snmp.agentx;

import java.nio.ByteOrder;
import org.snmp4j.smi.OctetString;

/**
 * The AgentX header (RFC 2741 6.1) and the context that follows it in the PDUs that carry one.
 *
 * @param flags {@code h.flags}; {@link #NON_DEFAULT_CONTEXT} is kept set exactly when there is a
 *        {@code context}, and {@link #NETWORK_BYTE_ORDER} chooses the byte order of the encoding
 * @param context the non-default context (possibly empty: net-snmp sends the flag with an empty
 *        name), or {@code null} for the default context
 */
record AgentxHeader(AgentxPduType type, int flags, int sessionId, int transactionId, int packetId,
        OctetString context) {

    AgentxHeader {
        flags = (flags & ~NON_DEFAULT_CONTEXT) | (context != null ? NON_DEFAULT_CONTEXT : 0);
    }

    static final int LENGTH = 20;
    static final int VERSION = 1;

    static final int INSTANCE_REGISTRATION = 0x01;
    static final int NEW_INDEX = 0x02;
    static final int ANY_INDEX = 0x04;
    static final int NON_DEFAULT_CONTEXT = 0x08;
    static final int NETWORK_BYTE_ORDER = 0x10;

    /** A header in network byte order with no context, as this subagent sends them. */
    static AgentxHeader of(AgentxPduType type, int sessionId, int transactionId, int packetId) {
        return new AgentxHeader(type, NETWORK_BYTE_ORDER, sessionId, transactionId, packetId, null);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    ByteOrder byteOrder() {
        return has(NETWORK_BYTE_ORDER) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** The header of the Response to this request: same IDs and byte order, no context. */
    AgentxHeader response() {
        return new AgentxHeader(AgentxPduType.RESPONSE, flags & NETWORK_BYTE_ORDER, sessionId, transactionId,
                packetId, null);
    }
}
