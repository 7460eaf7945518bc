package org.keepalived4j.model;

import java.time.Duration;

/**
 * A {@code virtual_server} as configured.
 *
 * @param index its position among the virtual servers, from 1 (KEEPALIVED-MIB's virtualServerIndex)
 * @param key how the daemon names it: {@code IP:PORT/proto}, {@code [IPv6]:PORT/proto},
 *        {@code fwmark:N} or {@code group:NAME}
 * @param type {@code address}, {@code fwmark} or {@code group}
 * @param groupName the {@code virtual_server_group} for {@code group}, else {@code null}
 * @param fwmark the firewall mark for {@code fwmark}, else 0
 * @param address the address for {@code address}, else {@code null}
 * @param ipv6 whether it is an IPv6 service
 * @param port the port for {@code address}, else 0
 * @param protocol {@code protocol}: TCP, UDP or SCTP ({@code null} for fwmark services without one)
 * @param scheduler {@code lb_algo}
 * @param schedulerFlags the IPVS scheduler flags ({@code hashed}, {@code sh-fallback}, {@code sh-port},
 *        {@code mh-fallback}, {@code mh-port}, or {@code flag-1/2/3})
 * @param forwarding {@code lb_kind} and its tunnel
 * @param virtualhost {@code virtualhost}, or {@code null}
 * @param persistenceTimeout {@code persistence_timeout}; 0 without persistence
 * @param persistenceGranularity {@code persistence_granularity} (a netmask or IPv6 prefix length), or {@code null}
 * @param persistenceEngine {@code persistence_engine}, or {@code null}
 * @param haSuspend {@code ha_suspend}
 * @param omega {@code omega}: quorum_down runs at shutdown too
 * @param quorum {@code quorum}
 * @param hysteresis {@code hysteresis}
 * @param quorumUp {@code quorum_up}, or {@code null}
 * @param quorumDown {@code quorum_down}, or {@code null}
 * @param sorryServer the sorry server ({@code IP:PORT}), or {@code null}
 * @param sorryServerInhibit {@code sorry_server_inhibit}
 * @param smtpAlert whether its changes send mail (resolved against the globals)
 * @param checkers the timing its real servers' checkers get unless they set their own
 * @param snmpName {@code snmp_name}, or {@code null}
 * @param weight the virtual server's {@code weight}: the weight its real servers get unless they set
 *        their own (1 unless given)
 * @param inhibitOnFailure the virtual server's {@code inhibit_on_failure}: what its real servers do
 *        when down unless they say otherwise
 * @param sorryServerForwarding how IPVS forwards to the sorry server ({@code sorry_server_lvs_method},
 *        else the virtual server's {@code lb_kind}), or {@code null} without a sorry server
 */
public record VirtualServerSettings(
        int index,
        String key,
        String type,
        String groupName,
        long fwmark,
        String address,
        boolean ipv6,
        int port,
        String protocol,
        String scheduler,
        java.util.List<String> schedulerFlags,
        Forwarding forwarding,
        String virtualhost,
        Duration persistenceTimeout,
        String persistenceGranularity,
        String persistenceEngine,
        boolean haSuspend,
        boolean omega,
        long quorum,
        long hysteresis,
        ScriptLine quorumUp,
        ScriptLine quorumDown,
        String sorryServer,
        boolean sorryServerInhibit,
        boolean smtpAlert,
        CheckerDefaults checkers,
        String snmpName,
        int weight,
        boolean inhibitOnFailure,
        Forwarding sorryServerForwarding) {

    public VirtualServerSettings {
        schedulerFlags = java.util.List.copyOf(schedulerFlags);
    }

    /**
     * Settings without the real servers' defaults: weight 1, removal on failure, and the sorry
     * server (if any) forwarded as the virtual server forwards.
     */
    public VirtualServerSettings(int index, String key, String type, String groupName, long fwmark, String address,
            boolean ipv6, int port, String protocol, String scheduler, java.util.List<String> schedulerFlags,
            Forwarding forwarding, String virtualhost, Duration persistenceTimeout, String persistenceGranularity,
            String persistenceEngine, boolean haSuspend, boolean omega, long quorum, long hysteresis,
            ScriptLine quorumUp, ScriptLine quorumDown, String sorryServer, boolean sorryServerInhibit,
            boolean smtpAlert, CheckerDefaults checkers, String snmpName) {
        this(index, key, type, groupName, fwmark, address, ipv6, port, protocol, scheduler, schedulerFlags, forwarding,
                virtualhost, persistenceTimeout, persistenceGranularity, persistenceEngine, haSuspend, omega, quorum,
                hysteresis, quorumUp, quorumDown, sorryServer, sorryServerInhibit, smtpAlert, checkers, snmpName, 1,
                false, sorryServer == null ? null : forwarding);
    }
}
