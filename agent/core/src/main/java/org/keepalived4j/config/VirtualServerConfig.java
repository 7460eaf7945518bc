package org.keepalived4j.config;

import java.net.InetAddress;
import java.util.List;
import org.keepalived4j.net.AddressText;

/**
 * A {@code virtual_server} block, identified by address and port, by firewall mark, or by a
 * {@code virtual_server_group}; keepalived's defaults and validation applied.
 *
 * @param location where the block starts
 * @param address the virtual address ({@code null} for fwmark and group services)
 * @param port the virtual port (0 when omitted)
 * @param fwmark the firewall mark, or 0
 * @param group the {@code virtual_server_group} it uses, or {@code null}
 * @param ipv6 the address family
 * @param protocol {@code tcp}, {@code udp}, {@code sctp}, or {@code null} for fwmark services
 * @param scheduler {@code lb_algo} / {@code lvs_sched} (default {@code wlc})
 * @param schedulerFlags IP_VS_SVC_F_* bits from {@code ops}, {@code flag-N}, {@code sh-*}, {@code mh-*}
 * @param forwarding the default forwarding method of its servers
 * @param persistenceTimeout seconds, 0 when not persistent
 * @param persistenceEngine {@code persistence_engine}, or {@code null}
 * @param persistenceGranularity IPv4 netmask (as an unsigned 32-bit value) or IPv6 prefix length, or -1 when unset
 * @param haSuspend {@code ha_suspend}
 * @param smtpAlert whether quorum changes are mailed
 * @param virtualhost {@code virtualhost}, or {@code null}
 * @param snmpName {@code snmp_name}, or {@code null}
 * @param alpha {@code alpha}
 * @param omega {@code omega}
 * @param quorum {@code quorum} (default 1, at most the total weight)
 * @param hysteresis {@code hysteresis} (below the quorum)
 * @param quorumUp {@code quorum_up}, or {@code null}
 * @param quorumDown {@code quorum_down}, or {@code null}
 * @param checkerDefaults the checker timing the block sets for its real servers (delay_loop, retry...)
 * @param sorryServer {@code sorry_server}, or {@code null}
 * @param realServers the real servers, in order
 * @param weight the block's {@code weight}: what its real servers weigh unless they say (default 1)
 * @param inhibitOnFailure the block's {@code inhibit_on_failure}: its real servers' default
 */
public record VirtualServerConfig(SourceLocation location, InetAddress address, int port, long fwmark,
        VirtualServerGroupConfig group, boolean ipv6, String protocol, String scheduler, int schedulerFlags,
        ForwardingConfig forwarding, long persistenceTimeout, String persistenceEngine, long persistenceGranularity,
        boolean haSuspend, boolean smtpAlert, String virtualhost, String snmpName, boolean alpha, boolean omega,
        long quorum, long hysteresis, NotifyScript quorumUp, NotifyScript quorumDown, SorryServerConfig sorryServer,
        CheckerDefaultsConfig checkerDefaults, List<RealServerConfig> realServers, int weight,
        boolean inhibitOnFailure) {

    public VirtualServerConfig {
        realServers = List.copyOf(realServers);
    }

    /**
     * How the service is named in metrics, MBeans and events: {@code IP:PORT/proto}
     * ({@code [IPv6]:PORT/proto}), {@code fwmark:N} or {@code group:NAME}.
     */
    public String key() {
        if (group != null) {
            return "group:" + group.name();
        }
        if (fwmark != 0 || address == null) {
            return "fwmark:" + fwmark;
        }
        return AddressText.withPort(address, port) + "/" + (protocol == null ? "none" : protocol);
    }

    /** keepalived's identity of a virtual server across a reload. */
    public boolean sameService(VirtualServerConfig other) {
        if ((group == null) != (other.group == null)) {
            return false;
        }
        if (group != null) {
            return group.name().equals(other.group.name()) && port == other.port
                    && java.util.Objects.equals(protocol, other.protocol);
        }
        if (ipv6 != other.ipv6 || fwmark != other.fwmark) {
            return false;
        }
        return fwmark != 0 || java.util.Objects.equals(protocol, other.protocol)
                && java.util.Objects.equals(address, other.address) && port == other.port;
    }
}
