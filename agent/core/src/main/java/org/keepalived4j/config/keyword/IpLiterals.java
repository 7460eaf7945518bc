package org.keepalived4j.config.keyword;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses numeric IPv4/IPv6 address literals the way inet_pton does: never a host name
 * lookup, nothing but the literal (no IPv4 shorthand such as {@code 10.1}, no zone index).
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address, or {@code null} if the text is not a literal of either family. */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            return text.matches("[0-9A-Fa-f:.]+") ? literal(text, Inet6Address.class) : null;
        }
        if (!text.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}")) {
            return null;
        }
        for (String part : text.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return null;
            }
        }
        return literal(text, Inet4Address.class);
    }

    /** Whether the text looks like an IPv6 address (keepalived decides the family by a ':'). */
    public static boolean looksIpv6(String text) {
        return text.indexOf(':') >= 0;
    }

    private static InetAddress literal(String text, Class<? extends InetAddress> family) {
        try {
            InetAddress address = InetAddress.getByName(text);
            return family.isInstance(address) ? address : null;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
