package org.keepalived4j.exporter.snmp.agentx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Writes the AgentX encodings of RFC 2741 section 5 in one byte order into a growing buffer. */
final class AgentxWriter {

    /** SNMP's limit on the sub-identifiers of an OID (RFC 2578 3.5), which AgentX keeps. */
    static final int MAX_SUBIDS = 128;

    private ByteBuffer out;

    AgentxWriter(ByteOrder order) {
        out = ByteBuffer.allocate(256).order(order);
    }

    void u8(int value) {
        room(1).put((byte) value);
    }

    void u16(int value) {
        room(2).putShort((short) value);
    }

    void u32(long value) {
        room(4).putInt((int) value);
    }

    void u64(long value) {
        room(8).putLong(value);
    }

    /** Overwrites the 32-bit field at {@code position} (the header's payload length). */
    void u32At(int position, long value) {
        out.putInt(position, (int) value);
    }

    int length() {
        return out.position();
    }

    /**
     * An Object Identifier (5.1), using the {@code 1.3.6.1.<prefix>} compression when the OID
     * allows it; the null OID is four zero bytes.
     */
    void oid(OID oid, boolean include) {
        int[] subids = oid.getValue();
        if (subids.length > MAX_SUBIDS) {
            throw new IllegalArgumentException("OID of more than " + MAX_SUBIDS + " sub-identifiers: " + oid);
        }
        int first = 0;
        int prefix = 0;
        if (subids.length >= 5 && subids[0] == 1 && subids[1] == 3 && subids[2] == 6 && subids[3] == 1
                && subids[4] > 0 && subids[4] < 256) {
            prefix = subids[4];
            first = 5;
        }
        u8(subids.length - first);
        u8(prefix);
        u8(include ? 1 : 0);
        u8(0);
        for (int i = first; i < subids.length; i++) {
            u32(subids[i] & 0xFFFFFFFFL);
        }
    }

    /** An Octet String (5.3): its length, its bytes, zero padding to a multiple of four. */
    void octets(byte[] value) {
        u32(value.length);
        room(value.length).put(value);
        int pad = (4 - value.length % 4) % 4;
        for (int i = 0; i < pad; i++) {
            u8(0);
        }
    }

    void text(String value) {
        octets(value.getBytes(StandardCharsets.UTF_8));
    }

    void searchRange(SearchRange range) {
        oid(range.start(), range.include());
        oid(range.end(), false);
    }

    /**
     * A VarBind (5.4).
     *
     * @throws IllegalArgumentException for a value AgentX cannot carry (see
     *         {@link AgentxValueType#of(Variable)})
     */
    void varbind(VariableBinding binding) {
        Variable value = binding.getVariable();
        AgentxValueType type = AgentxValueType.of(value);
        if (type == null) {
            throw new IllegalArgumentException("no AgentX type for " + value.getSyntaxString() + " at "
                    + binding.getOid());
        }
        u16(type.code);
        u16(0);
        oid(binding.getOid(), false);
        switch (type.layout) {
            case NONE -> { }
            case INT32 -> u32(value.toLong());
            case INT64 -> u64(value.toLong());
            case OID -> oid((OID) value, false);
            case OCTETS -> octets(value instanceof IpAddress ip ? ip.toByteArray() : ((OctetString) value).getValue());
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(out.array(), out.position());
    }

    private ByteBuffer room(int bytes) {
        if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes))
                    .order(out.order());
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        return out;
    }
}
