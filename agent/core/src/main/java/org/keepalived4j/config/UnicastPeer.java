package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * One {@code unicast_peer} line: {@code <IPADDR> [min_ttl N] [max_ttl N]}.
 *
 * @param address the peer
 * @param minTtl received packets with a lower TTL / hop limit are dropped (default 0)
 * @param maxTtl received packets with a higher TTL / hop limit are dropped (default 255)
 */
public record UnicastPeer(InetAddress address, int minTtl, int maxTtl) {
}
