package org.keepalived4j.ipvs;

/** What a clean stop removes from the IPVS table, as keepalived's checker does at shutdown. */
public enum IpvsRelease {
    /** {@code -I} / {@code --dont-release-ipvs}: the table is left as it is. */
    KEEP,
    /** The default: each real server (and sorry server) the daemon programmed, then each of its services. */
    SERVERS_AND_SERVICES,
    /** {@code lvs_flush_onstop VS}: each service the daemon programmed; the kernel drops their real servers with them. */
    SERVICES,
    /** {@code lvs_flush_onstop}: the whole table, whoever programmed it. */
    WHOLE_TABLE
}
