package org.keepalived4j.config;

/**
 * An IPVS forwarding method ({@code lvs_method} / {@code lb_kind}), with the tunnel options
 * keepalived accepts after {@code TUN}.
 *
 * @param method {@code NAT}, {@code DR} or {@code TUN}
 * @param tunnelType {@code ipip}, {@code gue} or {@code gre} (only with TUN; {@code ipip} by default)
 * @param tunnelPort the GUE port, or 0
 * @param tunnelChecksum {@code nocsum}, {@code csum} or {@code remcsum} (only with TUN)
 */
public record ForwardingConfig(String method, String tunnelType, int tunnelPort, String tunnelChecksum) {

    /** keepalived's default when nothing is configured. */
    public static final ForwardingConfig NAT = new ForwardingConfig("NAT", null, 0, null);

    /** The kernel's IP_VS_CONN_F_* value: MASQ 0, TUNNEL 2, DROUTE 3. */
    public int ipvsFlag() {
        return switch (method) {
            case "DR" -> 3;
            case "TUN" -> 2;
            default -> 0;
        };
    }
}
