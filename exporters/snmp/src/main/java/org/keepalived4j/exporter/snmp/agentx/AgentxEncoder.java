package org.keepalived4j.exporter.snmp.agentx;

import org.snmp4j.smi.VariableBinding;

/**
 * Writes {@link AgentxPdu}s as RFC 2741 lays them out, in the byte order the header's
 * NETWORK_BYTE_ORDER flag names. Pure and stateless; safe to share.
 */
final class AgentxEncoder {

    /**
     * The PDU's bytes: header, context when the header has one and the type carries it, payload.
     *
     * @throws IllegalArgumentException when the record does not fit the header's type, or a value
     *         or OID cannot be encoded
     */
    byte[] encode(AgentxPdu pdu) {
        AgentxHeader h = pdu.header();
        boolean context = h.has(AgentxHeader.NON_DEFAULT_CONTEXT) && h.type().carriesContext();
        int flags = (h.flags() & ~AgentxHeader.NON_DEFAULT_CONTEXT) | (context ? AgentxHeader.NON_DEFAULT_CONTEXT : 0);
        AgentxWriter w = new AgentxWriter(h.byteOrder());
        w.u8(AgentxHeader.VERSION);
        w.u8(h.type().code);
        w.u8(flags);
        w.u8(0);
        w.u32(h.sessionId());
        w.u32(h.transactionId());
        w.u32(h.packetId());
        w.u32(0);
        if (context) {
            w.octets(h.context().getValue());
        }
        payload(pdu, w);
        w.u32At(16, w.length() - AgentxHeader.LENGTH);
        return w.toByteArray();
    }

    private static void payload(AgentxPdu pdu, AgentxWriter w) {
        AgentxPduType type = pdu.header().type();
        if (pdu instanceof AgentxPdu.Open o && type == AgentxPduType.OPEN) {
            w.u8(o.timeout());
            pad(w, 3);
            w.oid(o.id(), false);
            w.text(o.description());
        } else if (pdu instanceof AgentxPdu.Close c && type == AgentxPduType.CLOSE) {
            w.u8(c.reason());
            pad(w, 3);
        } else if (pdu instanceof AgentxPdu.Registration r
                && (type == AgentxPduType.REGISTER || type == AgentxPduType.UNREGISTER)) {
            w.u8(type == AgentxPduType.REGISTER ? r.timeout() : 0);
            w.u8(r.priority());
            w.u8(r.rangeSubid());
            w.u8(0);
            w.oid(r.subtree(), false);
            if (r.rangeSubid() != 0) {
                w.u32(r.upperBound());
            }
        } else if (pdu instanceof AgentxPdu.Search s && (type == AgentxPduType.GET || type == AgentxPduType.GET_NEXT)) {
            s.ranges().forEach(w::searchRange);
        } else if (pdu instanceof AgentxPdu.GetBulk g && type == AgentxPduType.GET_BULK) {
            w.u16(g.nonRepeaters());
            w.u16(g.maxRepetitions());
            g.ranges().forEach(w::searchRange);
        } else if (pdu instanceof AgentxPdu.VarBinds v && carriesVarBinds(type)) {
            v.varbinds().forEach(w::varbind);
        } else if (pdu instanceof AgentxPdu.Bare && bare(type)) {
            return;
        } else if (pdu instanceof AgentxPdu.AgentCaps a
                && (type == AgentxPduType.ADD_AGENT_CAPS || type == AgentxPduType.REMOVE_AGENT_CAPS)) {
            w.oid(a.id(), false);
            if (type == AgentxPduType.ADD_AGENT_CAPS) {
                w.text(a.description());
            }
        } else if (pdu instanceof AgentxPdu.Response r && type == AgentxPduType.RESPONSE) {
            w.u32(r.sysUpTime());
            w.u16(r.error());
            w.u16(r.index());
            for (VariableBinding b : r.varbinds()) {
                w.varbind(b);
            }
        } else {
            throw new IllegalArgumentException(pdu.getClass().getSimpleName() + " cannot be sent as " + type);
        }
    }

    static boolean carriesVarBinds(AgentxPduType type) {
        return switch (type) {
            case TEST_SET, NOTIFY, INDEX_ALLOCATE, INDEX_DEALLOCATE -> true;
            default -> false;
        };
    }

    static boolean bare(AgentxPduType type) {
        return switch (type) {
            case COMMIT_SET, UNDO_SET, CLEANUP_SET, PING -> true;
            default -> false;
        };
    }

    private static void pad(AgentxWriter w, int bytes) {
        for (int i = 0; i < bytes; i++) {
            w.u8(0);
        }
    }
}
