package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code virtual_server} and its real servers.
 *
 * @param key how the service is named in metrics and MBeans: {@code IP:PORT/proto}
 *        ({@code [IPv6]:PORT/proto}), {@code fwmark:N} or {@code group:NAME}
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param scheduler the IPVS scheduler ({@code lb_algo}), e.g. {@code rr}
 * @param forwardingMethod {@code NAT}, {@code DR} or {@code TUN} ({@code lb_kind})
 * @param quorum the total weight of live real servers needed for the service to be up
 * @param hysteresis the quorum hysteresis
 * @param quorumMet whether the live weight currently meets the quorum
 * @param sorryServer {@code IP:PORT} of the sorry server, or {@code null}
 * @param sorryServerActive whether the sorry server is in use now (the quorum is lost)
 * @param ipvsProgrammed whether the service is programmed into the kernel's IPVS table
 *        (false when the kernel has no IPVS and the daemon only monitors)
 * @param realServers the real servers in configuration order
 */
public record VirtualServerSnapshot(
        String key,
        String protocol,
        String scheduler,
        String forwardingMethod,
        int quorum,
        int hysteresis,
        boolean quorumMet,
        String sorryServer,
        boolean sorryServerActive,
        boolean ipvsProgrammed,
        List<RealServerSnapshot> realServers) {

    public VirtualServerSnapshot {
        realServers = List.copyOf(realServers);
    }

    /** How many real servers are alive now. */
    public int realServersUp() {
        int up = 0;
        for (RealServerSnapshot rs : realServers) {
            if (rs.alive()) {
                up++;
            }
        }
        return up;
    }
}
