package org.keepalived4j.exporter.snmp.check;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.global.InetAddressValue;
import org.keepalived4j.model.CheckerDefaults;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * realServerTable, indexed by virtualServerIndex and realServerIndex, valued as keepalived 2.2.7's
 * check_snmp_realserver values it. A virtual server's sorry server is its first row, of type
 * sorry(2), and its real servers follow from index 2; without one they start at 1. A sorry row
 * has no status, weight, limits, action, notify scripts or failed checks, and holds what keepalived
 * never sets for a sorry server: no alpha, timing 0, no mail.
 */
final class RealServerTable {

    static final OID ENTRY = new OID(CheckSection.ROOT).append("4.1");

    private static final IpvsStatsColumns STATS = new IpvsStatsColumns(14, true, 18, 27);
    private static final CheckerDefaults SORRY_TIMING = new CheckerDefaults(false, 0, null, null, null, null);

    private RealServerTable() {
    }

    static void put(VirtualServerSnapshot vs, SortedMap<OID, Variable> out) {
        VirtualServerSettings s = vs.settings();
        int index = 0;
        if (s.sorryServer() != null) {
            sorry(s, new TableRow(ENTRY, out, s.index(), ++index));
        }
        for (RealServerSnapshot rs : vs.realServers()) {
            regular(rs, s, new TableRow(ENTRY, out, s.index(), ++index));
        }
    }

    private static void regular(RealServerSnapshot rs, VirtualServerSettings vs, TableRow row) {
        RealServerSettings s = rs.settings();
        address(row, 1, InetAddressValue.of(s.address()), s.port());
        row.put(6, CheckSection.truth(rs.alive()));
        row.put(7, new Integer32(rs.effectiveWeight()));
        row.put(8, s.upperConnectionLimit() == 0 ? null : TableRow.unsigned32(s.upperConnectionLimit()));
        row.put(9, s.lowerConnectionLimit() == 0 ? null : TableRow.unsigned32(s.lowerConnectionLimit()));
        row.put(10, new Integer32(s.inhibitOnFailure() ? 2 : 1));
        row.put(11, VirtualServerTable.script(s.notifyUp()));
        row.put(12, VirtualServerTable.script(s.notifyDown()));
        row.put(13, TableRow.unsigned32(rs.failedCheckers()));
        // keepalived keeps a real server's own virtualhost only; the read model falls back to the
        // virtual server's, so a value equal to it counts as not set
        String virtualhost = Objects.equals(s.virtualhost(), vs.virtualhost()) ? null : s.virtualhost();
        common(row, rs.stats(), new ForwardingValues(s.forwarding()), virtualhost, s.checkers(), s.smtpAlert(),
                s.snmpName());
    }

    private static void sorry(VirtualServerSettings vs, TableRow row) {
        HostPort server = HostPort.parse(vs.sorryServer());
        address(row, 2, InetAddressValue.of(server.host()), server.port());
        common(row, IpvsStats.NONE, new ForwardingValues(vs.sorryServerForwarding()), null, SORRY_TIMING, false,
                null);
    }

    private static void address(TableRow row, int type, InetAddressValue address, int port) {
        row.put(2, new Integer32(type));
        row.put(3, address.type());
        row.put(4, address.address());
        row.put(5, TableRow.unsigned32(port));
    }

    private static void common(TableRow row, IpvsStats stats, ForwardingValues forwarding, String virtualhost,
            CheckerDefaults checkers, boolean smtpAlert, String snmpName) {
        STATS.put(row, stats);
        row.put(40, forwarding.method());
        row.put(41, virtualhost == null ? null : new OctetString(virtualhost));
        CheckerTiming timing = new CheckerTiming(checkers);
        row.put(42, timing.alpha());
        row.put(43, timing.retry());
        row.put(44, timing.delayBeforeRetry());
        row.put(45, timing.warmup());
        row.put(46, timing.delayLoop());
        row.put(47, CheckSection.truth(smtpAlert));
        row.put(48, timing.delayBeforeRetryMicros());
        row.put(49, timing.warmupMicros());
        row.put(50, timing.delayLoopMicros());
        row.put(51, timing.connectTimeoutMicros());
        row.put(52, forwarding.tunnelType());
        row.put(53, forwarding.tunnelPort());
        row.put(54, forwarding.tunnelChecksum());
        row.put(55, snmpName == null ? null : new OctetString(snmpName));
    }

    /** {@code IP:PORT} or {@code [IPv6]:PORT}, as the read model writes a server. */
    record HostPort(String host, int port) {

        static HostPort parse(String text) {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                String rest = text.substring(close + 1);
                return new HostPort(text.substring(1, close), rest.startsWith(":") ? Integer.parseInt(rest.substring(1))
                        : 0);
            }
            List<String> parts = List.of(text.split(":", -1));
            return parts.size() == 2 ? new HostPort(parts.get(0), Integer.parseInt(parts.get(1)))
                    : new HostPort(text, 0);
        }
    }
}
