package org.keepalived4j.exporter.snmp.agentx;

/**
 * snmpd's sysUpTime, as its last Response told it ({@code res.sysUpTime}) and counted on from
 * there: what net-snmp's subagents (keepalived) put in a notification's sysUpTime.0, so a trap
 * carries the agent's uptime and not the daemon's.
 */
final class MasterUpTime {

    private long ticks;
    private long heardAtMillis;

    void heard(long sysUpTime, long nowMillis) {
        ticks = sysUpTime;
        heardAtMillis = nowMillis;
    }

    /** The master's sysUpTime now, in hundredths of a second, wrapping at 2^32 as TimeTicks do. */
    long ticksAt(long nowMillis) {
        return (ticks + Math.max(0, nowMillis - heardAtMillis) / 10) & 0xFFFFFFFFL;
    }
}
