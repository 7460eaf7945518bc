package org.keepalived4j.model;

/**
 * Where a server of an exporter listens, as its {@code listen} line says: {@code HOST:PORT},
 * {@code [IPv6]:PORT}, {@code *:PORT}, {@code :PORT} or {@code PORT}. What no host or {@code *}
 * means is the exporter's choice (every address for Prometheus, loopback for Jolokia).
 *
 * @param host the address or host name to bind; {@code *} for every address; {@code null} when not given
 * @param port the TCP port, 1-65535 (0 lets the system pick one, for tests)
 */
public record ListenAddress(String host, int port) {

    /** Parses a {@code listen} value; throws with a message fit for the user. */
    public static ListenAddress parse(String value) {
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("expected [IPv6]:PORT, got '" + value + "'");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.lastIndexOf(':');
            if (colon >= 0 && value.indexOf(':') != colon) {
                throw new IllegalArgumentException("write an IPv6 address in brackets, e.g. [::1]:PORT");
            }
            host = colon < 0 ? "" : value.substring(0, colon);
            port = colon < 0 ? value : value.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got '" + port + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + p);
        }
        return new ListenAddress(host.isEmpty() ? null : host, p);
    }

    /** Whether no particular address was asked for ({@code *}, or no host at all). */
    public boolean anyHost() {
        return host == null || host.equals("*");
    }

    @Override
    public String toString() {
        String h = anyHost() ? "*" : host.contains(":") ? "[" + host + "]" : host;
        return h + ":" + port;
    }
}
