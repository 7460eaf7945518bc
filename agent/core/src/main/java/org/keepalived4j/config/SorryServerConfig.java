package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * The {@code sorry_server} put into the pool while the virtual server's quorum is lost.
 *
 * @param address its address
 * @param port its port (the virtual server's when not NAT)
 * @param forwarding {@code sorry_server_lvs_method}, else the virtual server's
 * @param inhibit {@code sorry_server_inhibit}: kept in the table with weight 0 instead of removed
 */
public record SorryServerConfig(InetAddress address, int port, ForwardingConfig forwarding, boolean inhibit) {
}
