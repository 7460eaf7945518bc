package org.keepalived4j.exporter.snmp.check;

import org.keepalived4j.model.IpvsStats;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;

/**
 * The IPVS statistics columns of virtualServerTable and realServerTable. Both tables lay them out
 * alike: connections (Gauge32), for a real server followed by its active, inactive and persistent
 * connections (Gauge32); then packets in/out (Counter32), bytes in/out (Counter64) and the five
 * rates (Gauge32) in a row; then, further on, connections and packets in/out as Counter64 and each
 * rate as a low and a high Unsigned32. Without IPVS every value is 0, as keepalived shows a
 * service the kernel has not counted yet.
 *
 * <p>keepalived 2.2.7 fills the ...Low rate columns from the wrong variable (check_snmp.c returns
 * its last Counter64 instead of the low word it computed); this serves the low word the MIB
 * describes. The two agree while the statistics are 0.
 */
final class IpvsStatsColumns {

    private final int connections;
    private final boolean connectionStates;
    private final int packets;
    private final int wide;

    /**
     * @param connections the StatsConns column
     * @param connectionStates whether StatsActiveConns, StatsInactiveConns and
     *        StatsPersistentConns follow it (realServerTable)
     * @param packets the StatsInPkts column, first of the packets, bytes and rates
     * @param wide the StatsConns64 column, first of the 64-bit ones
     */
    IpvsStatsColumns(int connections, boolean connectionStates, int packets, int wide) {
        this.connections = connections;
        this.connectionStates = connectionStates;
        this.packets = packets;
        this.wide = wide;
    }

    void put(TableRow row, IpvsStats s) {
        row.put(connections, gauge(s.connections()));
        if (connectionStates) {
            row.put(connections + 1, gauge(s.activeConnections()));
            row.put(connections + 2, gauge(s.inactiveConnections()));
            row.put(connections + 3, gauge(s.persistentConnections()));
        }
        row.put(packets, new Counter32(s.inPackets() & 0xFFFF_FFFFL));
        row.put(packets + 1, new Counter32(s.outPackets() & 0xFFFF_FFFFL));
        row.put(packets + 2, new Counter64(s.inBytes()));
        row.put(packets + 3, new Counter64(s.outBytes()));
        long[] rates = {s.connectionsPerSecond(), s.inPacketsPerSecond(), s.outPacketsPerSecond(),
                s.inBytesPerSecond(), s.outBytesPerSecond()};
        for (int i = 0; i < rates.length; i++) {
            row.put(packets + 4 + i, gauge(rates[i]));
        }
        row.put(wide, new Counter64(s.connections()));
        row.put(wide + 1, new Counter64(s.inPackets()));
        row.put(wide + 2, new Counter64(s.outPackets()));
        for (int i = 0; i < rates.length; i++) {
            row.put(wide + 3 + 2 * i, TableRow.unsigned32(rates[i]));
            row.put(wide + 4 + 2 * i, TableRow.unsigned32(rates[i] >>> 32));
        }
    }

    private static Gauge32 gauge(long value) {
        return new Gauge32(value & 0xFFFF_FFFFL);
    }
}
