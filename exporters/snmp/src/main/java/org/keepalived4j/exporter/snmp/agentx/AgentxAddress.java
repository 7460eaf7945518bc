package org.keepalived4j.exporter.snmp.agentx;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where snmpd's AgentX master listens, written as keepalived's {@code snmp_socket} (and snmpd's
 * {@code agentXSocket}) take it, net-snmp's transport syntax:
 * <ul>
 * <li>{@code unix:/path}, or a bare path with a {@code /}: a stream on a unix socket (keepalived's
 *     default is {@code unix:/var/agentx/master});
 * <li>{@code tcp:host:port}, {@code tcp:host} (port 705), {@code tcp6:[addr]:port}, or a bare
 *     {@code host:port} / {@code host}: a TCP stream;
 * <li>{@code udp:host:port} / {@code udp6:[addr]:port}: one datagram a PDU. keepalived defaults to
 *     {@code udp:localhost:705} when it runs in a {@code net_namespace}. snmpd 5.9 accepts the
 *     session, the registrations and the notifications over UDP, but cannot send its own
 *     requests back to a UDP subagent ("unknown addr type"), so over UDP traps work and walks
 *     do not, for keepalived as for this subagent.
 * </ul>
 * Transport names are case-insensitive, as in net-snmp.
 *
 * @param path the socket file, for {@link Transport#UNIX}
 * @param host the host name or address, for TCP and UDP
 * @param port the port, for TCP and UDP
 */
public record AgentxAddress(Transport transport, String path, String host, int port) {

    /** The AgentX port (RFC 2741 8.1). */
    public static final int DEFAULT_PORT = 705;

    /** keepalived's and net-snmp's default master address. */
    public static final String DEFAULT = "unix:/var/agentx/master";

    public enum Transport { UNIX, TCP, UDP }

    /**
     * Reads an address in net-snmp's syntax.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AgentxAddress parse(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? text : text.substring(colon + 1);
        switch (scheme) {
            case "unix":
                return unix(rest, spec);
            case "tcp", "tcp6":
                return inet(Transport.TCP, rest, spec);
            case "udp", "udp6":
                return inet(Transport.UDP, rest, spec);
            default:
                if (text.contains("/")) {
                    return unix(text, spec);
                }
                return inet(Transport.TCP, text, spec);
        }
    }

    /** The socket address to connect to, resolving the host name now. */
    SocketAddress socketAddress() throws UnknownHostException {
        return transport == Transport.UNIX ? UnixDomainSocketAddress.of(path)
                : new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        if (transport == Transport.UNIX) {
            return "unix:" + path;
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        return transport.name().toLowerCase(Locale.ROOT) + ":" + h + ":" + port;
    }

    private static AgentxAddress unix(String path, String spec) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no socket path in AgentX address '" + spec + "'");
        }
        return new AgentxAddress(Transport.UNIX, path, null, 0);
    }

    private static AgentxAddress inet(Transport transport, String hostPort, String spec) {
        String host = hostPort;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in AgentX address '" + spec + "'");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            port = after.startsWith(":") ? after.substring(1) : after.isEmpty() ? null : after;
        } else if (hostPort.indexOf(':') >= 0 && hostPort.indexOf(':') == hostPort.lastIndexOf(':')) {
            host = hostPort.substring(0, hostPort.indexOf(':'));
            port = hostPort.substring(hostPort.indexOf(':') + 1);
        } else if (!hostPort.isEmpty() && hostPort.chars().allMatch(Character::isDigit)) {
            host = "localhost";
            port = hostPort;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in AgentX address '" + spec + "'");
        }
        return new AgentxAddress(transport, null, host, port == null ? DEFAULT_PORT : port(port, spec));
    }

    private static int port(String text, String spec) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port '" + text + "' in AgentX address '" + spec + "'");
    }
}
