package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * A {@code bfd_instance} block (RFC 5880 session to one neighbour).
 *
 * @param name the block name
 * @param location where the block starts
 * @param neighbor {@code neighbor_ip} (also spelled {@code neighbour_ip})
 * @param source {@code source_ip}, or {@code null}
 * @param minRxMicros {@code min_rx} (given in ms; default 10 ms)
 * @param minTxMicros {@code min_tx} (default 10 ms)
 * @param idleTxMicros {@code idle_tx} (default 1000 ms)
 * @param multiplier {@code multiplier} (default 5)
 * @param passive {@code passive}
 * @param ttl {@code ttl} / {@code hoplimit} (default 255 for IPv4, 64 for IPv6)
 * @param maxHops {@code max_hops} (default 0; 255 disables the hop check)
 * @param weight {@code weight} for tracking VRRP instances (default 0)
 * @param reverse {@code weight N reverse}
 * @param notifyVrrp events go to VRRP ({@code vrrp}, or neither {@code vrrp} nor {@code checker} given)
 * @param notifyChecker events go to the checker ({@code checker}, or neither given)
 */
public record BfdInstanceConfig(String name, SourceLocation location, InetAddress neighbor, InetAddress source,
        long minRxMicros, long minTxMicros, long idleTxMicros, int multiplier, boolean passive, int ttl, int maxHops,
        int weight, boolean reverse, boolean notifyVrrp, boolean notifyChecker) {
}
