package org.keepalived4j.exporter.alerts.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keepalived4j.model.ListenAddress;

/**
 * Where syslog messages go: {@code unix:/dev/log}, {@code udp:HOST:PORT}, {@code tcp:HOST:PORT}
 * or {@code tls:HOST:PORT}, an IPv6 address in brackets ({@code udp:[2001:db8::1]:514}). Without
 * a port, udp and tcp use 514 and tls 6514 (RFC 5425). Host names are resolved at each connect.
 *
 * @param transport how
 * @param host the host, without brackets; {@code null} for unix
 * @param port the port; 0 for unix
 * @param path the socket path; {@code null} unless unix
 */
record SyslogTarget(Transport transport, String host, int port, String path) {

    /** The transports: datagrams (unix, udp) or octet-counted streams (tcp, tls). */
    enum Transport {
        UNIX, UDP, TCP, TLS;

        String scheme() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean stream() {
            return this == TCP || this == TLS;
        }
    }

    static final SyslogTarget DEV_LOG = new SyslogTarget(Transport.UNIX, null, 0, "/dev/log");

    /** Parses a target; throws {@link IllegalArgumentException} saying what is wrong. */
    static SyslogTarget parse(String text) {
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        Transport transport = switch (scheme) {
            case "unix" -> Transport.UNIX;
            case "udp" -> Transport.UDP;
            case "tcp" -> Transport.TCP;
            case "tls" -> Transport.TLS;
            default -> throw new IllegalArgumentException("'" + text
                    + "' is not unix:PATH, udp:HOST:PORT, tcp:HOST:PORT or tls:HOST:PORT");
        };
        if (transport == Transport.UNIX) {
            int bytes = rest.getBytes(StandardCharsets.UTF_8).length;
            if (!rest.startsWith("/") || bytes > UnixDatagramSocket.MAX_PATH_BYTES) {
                throw new IllegalArgumentException("'" + text + "': a unix socket needs an absolute path of at most "
                        + UnixDatagramSocket.MAX_PATH_BYTES + " bytes");
            }
            return new SyslogTarget(transport, null, 0, rest);
        }
        String host;
        int port = transport == Transport.TLS ? 6514 : 514;
        if (!rest.contains(":")) {
            host = rest;
        } else if (rest.startsWith("[") && rest.endsWith("]")) {
            host = rest.substring(1, rest.length() - 1);
        } else {
            // HOST:PORT and [IPv6]:PORT read as every other address line is
            ListenAddress address;
            try {
                address = ListenAddress.parse(rest);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
            }
            if (address.port() == 0) {
                throw new IllegalArgumentException("'" + text + "': port must be 1-65535, got 0");
            }
            host = address.anyHost() ? "" : address.host();
            port = address.port();
        }
        if (host.isEmpty() || host.equals("*") || host.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("'" + text + "' has no valid host");
        }
        return new SyslogTarget(transport, host, port, null);
    }

    @Override
    public String toString() {
        if (transport == Transport.UNIX) {
            return "unix:" + path;
        }
        return transport.scheme() + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
