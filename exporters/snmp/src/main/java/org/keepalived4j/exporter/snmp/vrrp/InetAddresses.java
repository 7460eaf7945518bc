package org.keepalived4j.exporter.snmp.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;

/**
 * Addresses as the VRRP MIBs carry them: an InetAddress is the 4 or 16 bytes of the address in
 * network order, its InetAddressType 1 (ipv4) or 2 (ipv6), as keepalived encodes them. Only
 * address literals are read: nothing here ever asks DNS.
 */
public final class InetAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private InetAddresses() {
    }

    /**
     * The bytes of an address literal ({@code 10.0.0.1}, {@code fe80::1}, {@code fe80::1%eth0},
     * with or without a {@code /prefix}), or {@code null} when {@code text} is none.
     */
    public static byte[] bytes(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.strip();
        int cut = firstOf(literal, '/', '%');
        if (cut >= 0) {
            literal = literal.substring(0, cut);
        }
        if (IPV4.matcher(literal).matches() ? !octetsInRange(literal) : literal.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The address as an OCTET STRING (InetAddress), or {@code null} when {@code text} is no address. */
    public static OctetString octets(String text) {
        byte[] b = bytes(text);
        return b == null ? null : new OctetString(b);
    }

    /** The all-zero address of a family: what keepalived shows for an address it never learnt. */
    public static OctetString unspecified(boolean ipv6) {
        return new OctetString(new byte[ipv6 ? 16 : 4]);
    }

    /** An IPv4 address as the SMI IpAddress type, or 0.0.0.0 when {@code text} is no IPv4 address. */
    public static IpAddress ipAddress(String text) {
        byte[] b = bytes(text);
        return new IpAddress(b != null && b.length == 4 ? b : new byte[4]);
    }

    /** InetAddressType: 2 for IPv6, 1 for IPv4. */
    public static Integer32 type(boolean ipv6) {
        return new Integer32(ipv6 ? 2 : 1);
    }

    /** Whether {@code text} is an IPv6 address literal. */
    public static boolean isIpv6(String text) {
        byte[] b = bytes(text);
        return b != null && b.length == 16;
    }

    private static boolean octetsInRange(String dotted) {
        for (String part : dotted.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
