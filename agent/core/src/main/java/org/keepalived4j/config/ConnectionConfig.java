package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * Where and how a network checker connects ({@code connect_ip}, {@code connect_port},
 * {@code bindto}, {@code bind_port}, {@code bind_if}, {@code connect_timeout}, {@code fwmark}).
 *
 * @param address the address to check (default the real server's)
 * @param port the port to check (default the real server's; 0 for PING_CHECK)
 * @param bindAddress the source address, or {@code null}
 * @param bindPort the source port, or 0
 * @param bindInterface the interface to send from, or {@code null}
 * @param connectTimeoutMicros connect and read timeout (default 5 s, from the real/virtual server)
 * @param fwmark the SO_MARK to put on the checker's packets, or 0
 */
public record ConnectionConfig(InetAddress address, int port, InetAddress bindAddress, int bindPort,
        String bindInterface, long connectTimeoutMicros, long fwmark) {
}
