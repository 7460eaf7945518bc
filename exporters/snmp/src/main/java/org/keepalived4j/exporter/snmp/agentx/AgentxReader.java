package org.keepalived4j.exporter.snmp.agentx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Reads the AgentX encodings of RFC 2741 section 5 from a payload whose byte order is already
 * set. Every read checks the bounds: running past the payload or a value that breaks the
 * encoding's rules is {@link Malformed}, never an unchecked exception.
 */
final class AgentxReader {

    /** The payload does not follow RFC 2741's encodings. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final ByteBuffer in;

    AgentxReader(ByteBuffer payload) {
        this.in = payload;
    }

    boolean hasRemaining() {
        return in.hasRemaining();
    }

    int u8() throws Malformed {
        need(1);
        return in.get() & 0xFF;
    }

    int u16() throws Malformed {
        need(2);
        return in.getShort() & 0xFFFF;
    }

    long u32() throws Malformed {
        need(4);
        return in.getInt() & 0xFFFFFFFFL;
    }

    long u64() throws Malformed {
        need(8);
        return in.getLong();
    }

    void skip(int bytes) throws Malformed {
        need(bytes);
        in.position(in.position() + bytes);
    }

    OID oid() throws Malformed {
        return oid(null);
    }

    SearchRange searchRange() throws Malformed {
        boolean[] include = new boolean[1];
        OID start = oid(include);
        OID end = oid(null);
        return new SearchRange(start, include[0], end);
    }

    byte[] octets() throws Malformed {
        long length = u32();
        if (length > in.remaining()) {
            throw new Malformed("octet string of " + length + " bytes in " + in.remaining());
        }
        byte[] value = new byte[(int) length];
        in.get(value);
        skip((int) ((4 - length % 4) % 4));
        return value;
    }

    String text() throws Malformed {
        return new String(octets(), StandardCharsets.UTF_8);
    }

    VariableBinding varbind() throws Malformed {
        int code = u16();
        skip(2);
        OID name = oid();
        AgentxValueType type = AgentxValueType.of(code);
        if (type == null) {
            throw new Malformed("unknown VarBind type " + code + " at " + name);
        }
        return new VariableBinding(name, value(type));
    }

    private Variable value(AgentxValueType type) throws Malformed {
        return switch (type) {
            case INTEGER -> new Integer32((int) u32());
            case COUNTER32 -> new Counter32(u32());
            case GAUGE32 -> new Gauge32(u32());
            case TIME_TICKS -> new TimeTicks(u32());
            case COUNTER64 -> new Counter64(u64());
            case OCTET_STRING -> new OctetString(octets());
            case OPAQUE -> new Opaque(octets());
            case IP_ADDRESS -> ipAddress(octets());
            case OBJECT_IDENTIFIER -> oid();
            case NULL -> new Null();
            case NO_SUCH_OBJECT, NO_SUCH_INSTANCE, END_OF_MIB_VIEW -> new Null(type.code);
        };
    }

    private static Variable ipAddress(byte[] address) throws Malformed {
        if (address.length != 4) {
            throw new Malformed("IpAddress of " + address.length + " bytes");
        }
        return new IpAddress(address);
    }

    private OID oid(boolean[] include) throws Malformed {
        int count = u8();
        int prefix = u8();
        int includeByte = u8();
        skip(1);
        int first = prefix == 0 ? 0 : 5;
        if (first + count > AgentxWriter.MAX_SUBIDS) {
            throw new Malformed("OID of " + (first + count) + " sub-identifiers");
        }
        need(4 * count);
        int[] subids = new int[first + count];
        if (prefix != 0) {
            subids[0] = 1;
            subids[1] = 3;
            subids[2] = 6;
            subids[3] = 1;
            subids[4] = prefix;
        }
        for (int i = first; i < subids.length; i++) {
            subids[i] = in.getInt();
        }
        if (include != null) {
            include[0] = includeByte != 0;
        }
        return new OID(subids);
    }

    private void need(int bytes) throws Malformed {
        if (in.remaining() < bytes) {
            throw new Malformed("payload ends " + (bytes - in.remaining()) + " bytes early");
        }
    }
}
