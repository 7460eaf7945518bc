package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code real_server} as configured.
 *
 * @param index its position among its virtual server's real servers, from 1 (KEEPALIVED-MIB's
 *        realServerIndex, under its virtual server's index)
 * @param virtualServer the key of its virtual server
 * @param key {@code IP:PORT} ({@code [IPv6]:PORT})
 * @param address its address
 * @param ipv6 whether it is IPv6
 * @param port its port (the virtual server's for DR and TUN, as keepalived resets it)
 * @param weight the configured {@code weight}
 * @param forwarding {@code lb_kind} (its own or its virtual server's) and tunnel
 * @param upperConnectionLimit {@code uthreshold}; 0 for none
 * @param lowerConnectionLimit {@code lthreshold}; 0 for none
 * @param inhibitOnFailure {@code inhibit_on_failure}: weight 0 rather than removal when down
 * @param notifyUp {@code notify_up}, or {@code null}
 * @param notifyDown {@code notify_down}, or {@code null}
 * @param smtpAlert whether its changes send mail (resolved against the globals)
 * @param virtualhost {@code virtualhost} (its own or its virtual server's), or {@code null}
 * @param checkers the checker timing it gives its checkers unless they set their own
 * @param checkerTypes its checkers ({@code HTTP_GET}, {@code TCP_CHECK}...), in order
 * @param snmpName {@code snmp_name}, or {@code null}
 */
public record RealServerSettings(int index, String virtualServer, String key, String address, boolean ipv6, int port,
        int weight, Forwarding forwarding, long upperConnectionLimit, long lowerConnectionLimit,
        boolean inhibitOnFailure, ScriptLine notifyUp, ScriptLine notifyDown, boolean smtpAlert, String virtualhost,
        CheckerDefaults checkers, List<String> checkerTypes, String snmpName) {

    public RealServerSettings {
        checkerTypes = List.copyOf(checkerTypes);
    }
}
