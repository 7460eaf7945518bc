package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code virtual_server} and its real servers: as configured, its quorum and sorry server now,
 * and what IPVS counts for it.
 *
 * @param settings the virtual server as configured
 * @param quorumMet whether the live weight of its real servers meets the quorum
 * @param sorryServerActive whether the sorry server is in use
 * @param ipvsProgrammed whether the service is in the kernel's IPVS table
 * @param stats what IPVS counts for it
 * @param realServers its real servers, in configuration order
 */
public record VirtualServerSnapshot(VirtualServerSettings settings, boolean quorumMet, boolean sorryServerActive,
        boolean ipvsProgrammed, IpvsStats stats, List<RealServerSnapshot> realServers) {

    public VirtualServerSnapshot {
        realServers = List.copyOf(realServers);
    }

    /** How the daemon names it ({@link VirtualServerSettings#key()}). */
    public String key() {
        return settings.key();
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

    /** A copy with other real servers (the same settings and status). */
    public VirtualServerSnapshot withRealServers(List<RealServerSnapshot> servers) {
        return new VirtualServerSnapshot(settings, quorumMet, sorryServerActive, ipvsProgrammed, stats, servers);
    }
}
