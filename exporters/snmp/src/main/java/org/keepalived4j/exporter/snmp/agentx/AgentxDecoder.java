package org.keepalived4j.exporter.snmp.agentx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * Reads one AgentX PDU, in either byte order (RFC 2741 6.1: the NETWORK_BYTE_ORDER flag says
 * which). Never throws on malformed bytes: every byte sequence yields an
 * {@link AgentxDecodeResult}. Pure and stateless; safe to share.
 */
final class AgentxDecoder {

    /**
     * The payload length a header announces, read in the header's byte order, for framing a
     * stream.
     *
     * @param header at least the 20 header bytes from its position on; the position is unchanged
     */
    static long payloadLength(ByteBuffer header) {
        int at = header.position();
        ByteOrder order = (header.get(at + 2) & AgentxHeader.NETWORK_BYTE_ORDER) != 0
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return header.duplicate().order(order).getInt(at + 16) & 0xFFFFFFFFL;
    }

    /** Decodes the PDU in {@code frame}'s remaining bytes (header and payload, nothing more). */
    AgentxDecodeResult decode(ByteBuffer frame) {
        ByteBuffer in = frame.slice();
        if (in.remaining() < AgentxHeader.LENGTH) {
            return AgentxDecodeResult.failed(AgentxDecodeError.SHORT_HEADER, null,
                    in.remaining() + " bytes");
        }
        int version = in.get(0) & 0xFF;
        int code = in.get(1) & 0xFF;
        int flags = in.get(2) & 0xFF;
        in.order((flags & AgentxHeader.NETWORK_BYTE_ORDER) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        AgentxPduType type = AgentxPduType.of(code);
        AgentxHeader header = new AgentxHeader(type, flags & ~AgentxHeader.NON_DEFAULT_CONTEXT, in.getInt(4),
                in.getInt(8), in.getInt(12), null);
        long length = in.getInt(16) & 0xFFFFFFFFL;
        if (version != AgentxHeader.VERSION) {
            return AgentxDecodeResult.failed(AgentxDecodeError.UNSUPPORTED_VERSION, header, "version " + version);
        }
        if (type == null) {
            return AgentxDecodeResult.failed(AgentxDecodeError.UNKNOWN_TYPE, header, "type " + code);
        }
        if (length % 4 != 0 || length != in.remaining() - AgentxHeader.LENGTH) {
            return AgentxDecodeResult.failed(AgentxDecodeError.BAD_PAYLOAD_LENGTH, header,
                    "payload length " + length + " with " + (in.remaining() - AgentxHeader.LENGTH) + " bytes");
        }
        in.position(AgentxHeader.LENGTH);
        AgentxReader r = new AgentxReader(in);
        try {
            if ((flags & AgentxHeader.NON_DEFAULT_CONTEXT) != 0 && type.carriesContext()) {
                header = new AgentxHeader(type, flags, header.sessionId(), header.transactionId(), header.packetId(),
                        new OctetString(r.octets()));
            }
            AgentxPdu pdu = payload(header, r);
            if (r.hasRemaining()) {
                throw new AgentxReader.Malformed(in.remaining() + " bytes after the " + type + " payload");
            }
            return AgentxDecodeResult.of(pdu);
        } catch (AgentxReader.Malformed e) {
            return AgentxDecodeResult.failed(AgentxDecodeError.MALFORMED_PAYLOAD, header, e.getMessage());
        }
    }

    private static AgentxPdu payload(AgentxHeader h, AgentxReader r) throws AgentxReader.Malformed {
        AgentxPduType type = h.type();
        switch (type) {
            case OPEN -> {
                int timeout = r.u8();
                r.skip(3);
                OID id = r.oid();
                return new AgentxPdu.Open(h, timeout, id, r.text());
            }
            case CLOSE -> {
                int reason = r.u8();
                r.skip(3);
                return new AgentxPdu.Close(h, reason);
            }
            case REGISTER, UNREGISTER -> {
                int timeout = r.u8();
                int priority = r.u8();
                int rangeSubid = r.u8();
                r.skip(1);
                OID subtree = r.oid();
                long upperBound = rangeSubid == 0 ? 0 : r.u32();
                return new AgentxPdu.Registration(h, timeout, priority, rangeSubid, subtree, upperBound);
            }
            case GET, GET_NEXT -> {
                return new AgentxPdu.Search(h, ranges(r));
            }
            case GET_BULK -> {
                int nonRepeaters = r.u16();
                int maxRepetitions = r.u16();
                return new AgentxPdu.GetBulk(h, nonRepeaters, maxRepetitions, ranges(r));
            }
            case TEST_SET, NOTIFY, INDEX_ALLOCATE, INDEX_DEALLOCATE -> {
                return new AgentxPdu.VarBinds(h, varbinds(r));
            }
            case COMMIT_SET, UNDO_SET, CLEANUP_SET, PING -> {
                return new AgentxPdu.Bare(h);
            }
            case ADD_AGENT_CAPS -> {
                OID id = r.oid();
                return new AgentxPdu.AgentCaps(h, id, r.text());
            }
            case REMOVE_AGENT_CAPS -> {
                return new AgentxPdu.AgentCaps(h, r.oid(), null);
            }
            case RESPONSE -> {
                long sysUpTime = r.u32();
                int error = r.u16();
                int index = r.u16();
                return new AgentxPdu.Response(h, sysUpTime, error, index, varbinds(r));
            }
            default -> throw new AssertionError(type);
        }
    }

    private static List<SearchRange> ranges(AgentxReader r) throws AgentxReader.Malformed {
        List<SearchRange> ranges = new ArrayList<>();
        while (r.hasRemaining()) {
            ranges.add(r.searchRange());
        }
        return ranges;
    }

    private static List<VariableBinding> varbinds(AgentxReader r) throws AgentxReader.Malformed {
        List<VariableBinding> varbinds = new ArrayList<>();
        while (r.hasRemaining()) {
            varbinds.add(r.varbind());
        }
        return varbinds;
    }
}
