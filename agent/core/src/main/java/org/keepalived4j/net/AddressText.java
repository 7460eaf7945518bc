package org.keepalived4j.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses as operators read them, everywhere keepalived4j shows one (logs, metric labels,
 * MBean names, keys): dotted IPv4, and IPv6 in RFC 5952's form (lower case, the longest run
 * of two or more zero groups written "::"), as {@code ip addr} prints them. Java's own
 * {@link InetAddress#getHostAddress()} writes IPv6 uncompressed.
 */
public final class AddressText {

    private AddressText() {
    }

    public static String of(InetAddress address) {
        if (address instanceof Inet6Address) {
            return ipv6(address.getAddress());
        }
        return address.getHostAddress();
    }

    /** RFC 5952 text of 16 address bytes. */
    public static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 4.2.2: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** {@code IP:PORT}, or {@code [IPv6]:PORT}. */
    public static String withPort(InetAddress address, int port) {
        String host = of(address);
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
