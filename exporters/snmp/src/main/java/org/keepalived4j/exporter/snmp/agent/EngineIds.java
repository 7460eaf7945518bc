package org.keepalived4j.exporter.snmp.agent;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.snmp4j.smi.OctetString;

/** SNMP engine IDs (RFC 3411 SnmpEngineID) as net-snmp builds and writes them. */
final class EngineIds {

    /** RFC 3411: 5 to 32 octets. */
    static final int MIN_LENGTH = 5;
    static final int MAX_LENGTH = 32;
    /** net-snmp's enterprise number (8072) with the RFC 3411 format bit, then format 4 (text). */
    private static final byte[] NET_SNMP_TEXT = {(byte) 0x80, 0x00, 0x1f, (byte) 0x88, 0x04};

    private EngineIds() {
    }

    /**
     * The engine ID net-snmp's {@code engineID STRING} builds, so that moving the line from
     * snmpd.conf keeps every receiver's {@code createUser -e} valid. Throws when too long.
     */
    static OctetString fromText(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        if (t.length == 0 || NET_SNMP_TEXT.length + t.length > MAX_LENGTH) {
            throw new IllegalArgumentException("engineID text must have 1 to " + (MAX_LENGTH - NET_SNMP_TEXT.length)
                    + " bytes, got " + t.length);
        }
        byte[] id = new byte[NET_SNMP_TEXT.length + t.length];
        System.arraycopy(NET_SNMP_TEXT, 0, id, 0, NET_SNMP_TEXT.length);
        System.arraycopy(t, 0, id, NET_SNMP_TEXT.length, t.length);
        return new OctetString(id);
    }

    /** The text form cut to fit, for an engine ID made from a host name. */
    static OctetString fromTextTruncated(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        int max = MAX_LENGTH - NET_SNMP_TEXT.length;
        return fromText(t.length <= max ? text : new String(t, 0, max, StandardCharsets.US_ASCII));
    }

    /** An engine ID in hex, as snmpcmd's {@code -e}/{@code -E} take it ({@code 0x8000...} or without 0x). */
    static OctetString fromHex(String text) {
        String h = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (!h.matches("([0-9A-Fa-f]{2})+")) {
            throw new IllegalArgumentException("expected an engine ID in hex such as 0x80001f8804..., got '" + text + "'");
        }
        byte[] id = HexFormat.of().parseHex(h);
        if (id.length < MIN_LENGTH || id.length > MAX_LENGTH) {
            throw new IllegalArgumentException("an engine ID has " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " bytes, got " + id.length);
        }
        return new OctetString(id);
    }

    /** {@code 0x80001f8804...}, as net-snmp's tools take it. */
    static String hex(OctetString id) {
        return "0x" + HexFormat.of().formatHex(id.getValue());
    }
}
