package org.keepalived4j.exporter.snmp.agent;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A transport address as net-snmp writes one: {@code [TRANSPORT:]ADDRESS}, where TRANSPORT is
 * {@code udp} (the default), {@code udp6}, {@code tcp} or {@code tcp6} and ADDRESS is
 * {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT}, or for a listening address a bare
 * {@code PORT} (every address of the family).
 *
 * @param transport {@code udp} or {@code tcp}
 * @param ipv6 whether the transport is the IPv6 one ({@code udp6}, {@code tcp6})
 * @param host the host name or address literal; {@code null} for every address (listening only)
 * @param port 0-65535
 */
record SnmpAddress(String transport, boolean ipv6, String host, int port) {

    /** net-snmp's transport specifiers and their aliases: name to {transport, ipv6}. */
    private static final Map<String, String> TRANSPORTS = Map.of("udp", "udp", "udp6", "udp6", "udpv6", "udp6",
            "udpipv6", "udp6", "tcp", "tcp", "tcp6", "tcp6", "tcpv6", "tcp6", "tcpipv6", "tcp6");
    /** net-snmp's other transports, named so that the error says what is wrong. */
    private static final Set<String> OTHER_TRANSPORTS = Set.of("unix", "tls", "tlstcp", "dtls", "dtlsudp", "ssh",
            "ipx", "aal5pvc", "pvc", "callback", "alias", "std", "udpshared");

    /**
     * Parses one address; {@code listening} lets a bare number stand for a port on every
     * address, as in {@code agentaddress 161}; {@code defaultPort} -1 leaves the port -1 when
     * the text gives none. Throws with a message fit for the user.
     */
    static SnmpAddress parse(String text, int defaultPort, boolean listening) {
        String rest = text;
        String transport = "udp";
        int colon = text.indexOf(':');
        if (colon > 0 && TRANSPORTS.containsKey(text.substring(0, colon).toLowerCase(Locale.ROOT))) {
            transport = TRANSPORTS.get(text.substring(0, colon).toLowerCase(Locale.ROOT));
            rest = text.substring(colon + 1);
        } else if (colon > 0 && OTHER_TRANSPORTS.contains(text.substring(0, colon).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unsupported transport '" + text.substring(0, colon)
                    + "' (udp, udp6, tcp or tcp6)");
        }
        boolean ipv6 = transport.endsWith("6");
        String base = ipv6 ? transport.substring(0, 3) : transport;
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no address in '" + text + "'");
        }
        if (rest.matches("\\d+")) {
            if (!listening) {
                throw new IllegalArgumentException("expected HOST or HOST:PORT, got '" + text + "'");
            }
            return new SnmpAddress(base, ipv6, null, port(rest, text));
        }
        String host;
        int port = defaultPort;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in '" + text + "'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new IllegalArgumentException("expected [IPv6]:PORT, got '" + text + "'");
                }
                port = port(after.substring(1), text);
            }
        } else if (rest.indexOf(':') != rest.lastIndexOf(':')) {
            host = rest; // a bare IPv6 literal, no port
        } else if (rest.indexOf(':') >= 0) {
            host = rest.substring(0, rest.indexOf(':'));
            port = port(rest.substring(rest.indexOf(':') + 1), text);
        } else {
            host = rest;
        }
        if (host.contains(":") && !ipv6) {
            throw new IllegalArgumentException("an IPv6 address needs udp6: or tcp6:, got '" + text + "'");
        }
        if (!host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("bad host '" + host + "' in '" + text + "'");
        }
        return new SnmpAddress(base, ipv6, host, port);
    }

    private static int port(String value, String text) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port '" + value + "' in '" + text + "'");
    }

    /** Whether the host was written as it stands (an address literal or a name), rather than left out. */
    boolean hasHost() {
        return host != null;
    }

    /** This address with {@code port} in place of the default one the parse used. */
    SnmpAddress withPort(int newPort) {
        return new SnmpAddress(transport, ipv6, host, newPort);
    }

    @Override
    public String toString() {
        String h = host == null ? (ipv6 ? "[::]" : "0.0.0.0") : host.contains(":") ? "[" + host + "]" : host;
        return transport + (ipv6 ? "6" : "") + ":" + h + ":" + port;
    }
}
