package org.keepalived4j.model;

/**
 * How IPVS forwards to a real server ({@code lb_kind}, and the tunnel of {@code lb_kind TUN}).
 *
 * @param method NAT, DR or TUN
 * @param tunnelType {@code tun_type} (ipip, gue, gre) for TUN, else {@code null}
 * @param tunnelPort {@code tun_port} for GUE, else 0
 * @param tunnelChecksum {@code tun_nocsum}, {@code tun_csum} or {@code tun_remcsum}, or {@code null}
 */
public record Forwarding(String method, String tunnelType, int tunnelPort, String tunnelChecksum) {
}
