package org.keepalived4j.exporter.snmp.global;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;

/**
 * An address as KEEPALIVED-MIB carries it: an InetAddressType ({@code ipv4(1)}, {@code ipv6(2)})
 * and the address bytes. keepalived derives the type as "IPv4 or not", so an address it does not
 * have (an unset SMTP server) is type 2 with four zero bytes, the IPv4 field of an empty socket
 * address; {@link #UNSET} is that pair.
 *
 * @param ipv6 whether the type is ipv6(2)
 * @param address the InetAddress: 4 bytes, or 16 for IPv6
 */
public record InetAddressValue(boolean ipv6, OctetString address) {

    /** What keepalived shows for an address of no family. */
    public static final InetAddressValue UNSET = new InetAddressValue(true, new byte[4]);

    public InetAddressValue {
        address = new OctetString(address);
    }

    private InetAddressValue(boolean ipv6, byte[] bytes) {
        this(ipv6, new OctetString(bytes));
    }

    /**
     * The address a literal names ({@code 10.0.0.1}, {@code fd00::1}, {@code [fd00::1]}), without
     * looking a name up; {@link #UNSET} for {@code null} or anything that is not an address.
     */
    public static InetAddressValue of(String literal) {
        if (literal == null) {
            return UNSET;
        }
        String text = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        byte[] v4 = ipv4(text);
        if (v4 != null) {
            return new InetAddressValue(false, v4);
        }
        if (text.indexOf(':') < 0) {
            return UNSET;
        }
        try {
            // brackets make the JDK parse an IPv6 literal or fail, never ask a resolver
            InetAddress address = InetAddress.getByName("[" + text + "]");
            return address instanceof Inet6Address ? new InetAddressValue(true, address.getAddress())
                    : new InetAddressValue(false, address.getAddress());
        } catch (UnknownHostException e) {
            return UNSET;
        }
    }

    /** The InetAddressType: ipv4(1) or ipv6(2). */
    public Integer32 type() {
        return new Integer32(ipv6 ? 2 : 1);
    }

    /** The InetAddress (a copy: an OctetString can be changed). */
    @Override
    public OctetString address() {
        return new OctetString(address);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) {
                return null;
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            out[i] = (byte) octet;
        }
        return out;
    }
}
