package org.keepalived4j.exporter.snmp.agent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The SOURCE of an {@code rocommunity} line, as net-snmp's com2sec reads it: {@code default}
 * (anyone), a host name or address, {@code ADDRESS/BITS} or {@code ADDRESS/MASK}.
 *
 * @param network the network address (host bits cleared); {@code null} for {@code default}
 * @param prefixLength how many leading bits must match
 * @param text the source as written, for messages
 */
record SourceNetwork(InetAddress network, int prefixLength, String text) {

    /** Anyone of the family. */
    static SourceNetwork any() {
        return new SourceNetwork(null, 0, "default");
    }

    /**
     * Parses SOURCE for an IPv4 ({@code ipv6} false) or IPv6 line; a host name is looked up now,
     * as net-snmp does when it reads its configuration. Throws with a message fit for the user.
     */
    static SourceNetwork parse(String text, boolean ipv6) {
        if (text.equals("default")) {
            return any();
        }
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = address(host, ipv6);
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String mask = text.substring(slash + 1);
            prefix = mask.matches("\\d{1,3}") ? Integer.parseInt(mask) : maskBits(mask, ipv6);
            if (prefix > bits) {
                throw new IllegalArgumentException("prefix length " + prefix + " is more than " + bits + " in '" + text + "'");
            }
        }
        return new SourceNetwork(clearHostBits(address, prefix), prefix, text);
    }

    /** Whether a request from {@code peer} comes from this source. */
    boolean matches(InetAddress peer) {
        if (network == null) {
            return true;
        }
        byte[] want = network.getAddress();
        byte[] have = peer.getAddress();
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < prefixLength; i++) {
            int bit = 0x80 >>> (i % 8);
            if ((want[i / 8] & bit) != (have[i / 8] & bit)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress address(String host, boolean ipv6) {
        InetAddress a;
        try {
            a = host.indexOf(':') >= 0 || host.matches("[0-9.]+")
                    ? InetAddress.getByName(host) : lookup(host, ipv6);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host or bad address '" + host + "'");
        }
        if (ipv6 != (a instanceof Inet6Address)) {
            throw new IllegalArgumentException("'" + host + "' is not an " + (ipv6 ? "IPv6" : "IPv4") + " address"
                    + (ipv6 ? " (rocommunity6 is for IPv6 sources)" : " (use rocommunity6 for IPv6 sources)"));
        }
        return a;
    }

    private static InetAddress lookup(String host, boolean ipv6) throws UnknownHostException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            if (ipv6 == (a instanceof Inet6Address)) {
                return a;
            }
        }
        throw new UnknownHostException(host);
    }

    private static int maskBits(String mask, boolean ipv6) {
        byte[] bytes;
        try {
            if (ipv6 ? mask.indexOf(':') < 0 : !mask.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                throw new UnknownHostException(mask);
            }
            bytes = InetAddress.getByName(mask).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad mask '" + mask + "'");
        }
        int prefix = 0;
        while (prefix < bytes.length * 8 && (bytes[prefix / 8] & (0x80 >>> (prefix % 8))) != 0) {
            prefix++;
        }
        for (int i = prefix; i < bytes.length * 8; i++) {
            if ((bytes[i / 8] & (0x80 >>> (i % 8))) != 0) {
                throw new IllegalArgumentException("mask '" + mask + "' is not contiguous");
            }
        }
        return prefix;
    }

    private static InetAddress clearHostBits(InetAddress address, int prefix) {
        byte[] b = address.getAddress();
        for (int i = prefix; i < b.length * 8; i++) {
            b[i / 8] &= (byte) ~(0x80 >>> (i % 8));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is right
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
