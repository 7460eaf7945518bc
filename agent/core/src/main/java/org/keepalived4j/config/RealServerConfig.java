package org.keepalived4j.config;

import java.net.InetAddress;
import java.util.List;
import org.keepalived4j.net.AddressText;

/**
 * A {@code real_server} with keepalived's inheritance from its virtual server applied.
 *
 * @param location where the block starts
 * @param address its address
 * @param port its port (the virtual server's when not NAT, 0 with fwmark services)
 * @param weight {@code weight} (default the virtual server's {@code weight}, 1)
 * @param forwarding {@code lvs_method}, else the virtual server's
 * @param upperThreshold {@code uthreshold} (0: none)
 * @param lowerThreshold {@code lthreshold} (0: none)
 * @param inhibitOnFailure keep it in the table with weight 0 while down
 * @param notifyUp {@code notify_up}, or {@code null}
 * @param notifyDown {@code notify_down}, or {@code null}
 * @param smtpAlert whether state changes are mailed
 * @param checkerDefaults the checker timing it gives its checkers (its own, else its virtual server's)
 * @param virtualhost {@code virtualhost}, or {@code null}
 * @param snmpName {@code snmp_name}, or {@code null}
 * @param checkers the checkers, in order
 */
public record RealServerConfig(SourceLocation location, InetAddress address, int port, int weight,
        ForwardingConfig forwarding, long upperThreshold, long lowerThreshold, boolean inhibitOnFailure,
        NotifyScript notifyUp, NotifyScript notifyDown, boolean smtpAlert, String virtualhost, String snmpName,
        CheckerDefaultsConfig checkerDefaults, List<CheckerConfig> checkers) {

    public RealServerConfig {
        checkers = List.copyOf(checkers);
    }

    /** keepalived's identity of a real server: address and port. */
    public boolean sameServer(RealServerConfig other) {
        return address.equals(other.address) && port == other.port;
    }

    /** How the real server is named in metrics, MBeans and events: {@code IP:PORT} ({@code [IPv6]:PORT}). */
    public String key() {
        return AddressText.withPort(address, port);
    }
}
