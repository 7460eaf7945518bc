package org.keepalived4j.ipvs;

import java.net.InetAddress;

/**
 * A real server of an IPVS service.
 *
 * @param address the real server's address
 * @param port its port
 * @param forwardingMethod {@code lb_kind}: IP_VS_CONN_F_MASQ (NAT, 0), IP_VS_CONN_F_TUNNEL (TUN, 2)
 *        or IP_VS_CONN_F_DROUTE (DR, 3)
 * @param weight the weight (0: no new connections, as with inhibit_on_failure)
 * @param upperThreshold {@code uthreshold}, 0 for none
 * @param lowerThreshold {@code lthreshold}, 0 for none
 */
public record IpvsDestination(InetAddress address, int port, int forwardingMethod, int weight, int upperThreshold,
        int lowerThreshold) {
}
