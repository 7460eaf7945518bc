package org.keepalived4j.model;

/**
 * What the kernel's IPVS counts for a virtual or real server (the kernel's ip_vs_stats):
 * totals since the service was created, and rates over its last estimation interval. All 0
 * when IPVS is not available (monitor-only mode) or the object is not programmed.
 *
 * @param connections connections scheduled
 * @param inPackets packets in
 * @param outPackets packets out
 * @param inBytes bytes in
 * @param outBytes bytes out
 * @param connectionsPerSecond connection rate
 * @param inPacketsPerSecond incoming packet rate
 * @param outPacketsPerSecond outgoing packet rate
 * @param inBytesPerSecond incoming byte rate
 * @param outBytesPerSecond outgoing byte rate
 * @param activeConnections active connections (real servers only)
 * @param inactiveConnections inactive connections (real servers only)
 * @param persistentConnections persistent connection templates (real servers only)
 */
public record IpvsStats(long connections, long inPackets, long outPackets, long inBytes, long outBytes,
        long connectionsPerSecond, long inPacketsPerSecond, long outPacketsPerSecond, long inBytesPerSecond,
        long outBytesPerSecond, long activeConnections, long inactiveConnections, long persistentConnections) {

    /** Nothing counted: IPVS absent or the object not programmed. */
    public static final IpvsStats NONE = new IpvsStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
