package org.keepalived4j.exporter.snmp.check;

import org.keepalived4j.model.Forwarding;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.UnsignedInteger32;

/**
 * How a virtual, real or sorry server forwards, as KEEPALIVED-MIB's LoadBalancingKind /
 * ForwardingMethod and Tunnel* columns show it (check_snmp.c): nat(1), dr(2), tun(3); the tunnel
 * columns only for TUN, its port only for GUE, its checksum only when not IPIP. The kernel's
 * defaults stand for what is not configured: an IPIP tunnel without checksum.
 */
final class ForwardingValues {

    private final Forwarding forwarding;

    ForwardingValues(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    /** nat(1), dr(2) or tun(3); {@code null} for anything else (keepalived leaves the column out). */
    Integer32 method() {
        if (forwarding == null || forwarding.method() == null) {
            return null;
        }
        return switch (forwarding.method().toUpperCase(java.util.Locale.ROOT)) {
            case "NAT" -> new Integer32(1);
            case "DR" -> new Integer32(2);
            case "TUN" -> new Integer32(3);
            default -> null;
        };
    }

    Integer32 tunnelType() {
        if (!tunnel()) {
            return null;
        }
        return new Integer32(switch (tunnelTypeName()) {
            case "ipip" -> 1;
            case "gue" -> 2;
            case "gre" -> 3;
            default -> 0;
        });
    }

    UnsignedInteger32 tunnelPort() {
        return tunnel() && "gue".equals(tunnelTypeName()) ? TableRow.unsigned32(forwarding.tunnelPort()) : null;
    }

    Integer32 tunnelChecksum() {
        if (!tunnel() || "ipip".equals(tunnelTypeName())) {
            return null;
        }
        String csum = forwarding.tunnelChecksum() == null ? "tun_nocsum" : forwarding.tunnelChecksum();
        return new Integer32(switch (csum) {
            case "tun_nocsum", "nocsum" -> 1;
            case "tun_csum", "csum" -> 2;
            case "tun_remcsum", "remcsum" -> 3;
            default -> 0;
        });
    }

    private boolean tunnel() {
        Integer32 method = method();
        return method != null && method.getValue() == 3;
    }

    private String tunnelTypeName() {
        return forwarding.tunnelType() == null ? "ipip" : forwarding.tunnelType().toLowerCase(java.util.Locale.ROOT);
    }
}
