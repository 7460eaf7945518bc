package org.keepalived4j.exporter.snmp.agentx;

import org.snmp4j.smi.Variable;

/**
 * The VarBind {@code v.type} codes (RFC 2741 5.4) and how each value is laid out. The codes are
 * the ASN.1 tags of the SMIv2 types, which is also what snmp4j's {@link Variable#getSyntax()}
 * returns, so a value's type is found from its syntax.
 */
enum AgentxValueType implements WireCode {
    INTEGER(2, Layout.INT32),
    OCTET_STRING(4, Layout.OCTETS),
    NULL(5, Layout.NONE),
    OBJECT_IDENTIFIER(6, Layout.OID),
    IP_ADDRESS(64, Layout.OCTETS),
    COUNTER32(65, Layout.INT32),
    GAUGE32(66, Layout.INT32),
    TIME_TICKS(67, Layout.INT32),
    OPAQUE(68, Layout.OCTETS),
    COUNTER64(70, Layout.INT64),
    NO_SUCH_OBJECT(128, Layout.NONE),
    NO_SUCH_INSTANCE(129, Layout.NONE),
    END_OF_MIB_VIEW(130, Layout.NONE);

    /** What follows the name in a VarBind of the type. */
    enum Layout { NONE, INT32, INT64, OCTETS, OID }

    final int code;
    final Layout layout;

    AgentxValueType(int code, Layout layout) {
        this.code = code;
        this.layout = layout;
    }

    @Override
    public int code() {
        return code;
    }

    /** The type with this code, or {@code null} for a code AgentX does not define. */
    static AgentxValueType of(int code) {
        return WireCode.find(AgentxValueType.class, code);
    }

    /** The type {@code value} is sent as, or {@code null} when AgentX cannot carry it (BITS). */
    static AgentxValueType of(Variable value) {
        return of(value.getSyntax());
    }
}
