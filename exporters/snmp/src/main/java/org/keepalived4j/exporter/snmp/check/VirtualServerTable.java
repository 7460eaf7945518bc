package org.keepalived4j.exporter.snmp.check;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.global.InetAddressValue;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * virtualServerTable, indexed by virtualServerIndex, valued as keepalived 2.2.7's
 * check_snmp_virtualserver values it. The decisions and where they come from are listed in
 * check-columns.txt beside this section's tests.
 */
final class VirtualServerTable {

    static final OID ENTRY = new OID(CheckSection.ROOT).append("3.1");

    private static final List<String> SCHEDULERS = List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh",
            "sed", "nq", "fo", "ovf", "mh", "twos");
    private static final IpvsStatsColumns STATS = new IpvsStatsColumns(27, false, 28, 38);

    private VirtualServerTable() {
    }

    static void put(VirtualServerSnapshot vs, SortedMap<OID, Variable> out) {
        VirtualServerSettings s = vs.settings();
        TableRow row = new TableRow(ENTRY, out, s.index());
        VirtualServerIdentity id = new VirtualServerIdentity(s);
        row.put(2, id.type());
        row.put(3, id.group() ? new OctetString(s.groupName()) : null);
        row.put(4, id.fwmark() ? TableRow.unsigned32(s.fwmark()) : null);
        row.put(5, new Integer32(s.ipv6() ? 2 : 1));
        row.put(6, id.addressed() ? InetAddressValue.of(s.address()).address() : null);
        row.put(7, id.addressed() ? TableRow.unsigned32(s.port()) : null);
        row.put(8, id.fwmark() ? null : new Integer32(protocol(s.protocol())));
        row.put(9, new Integer32(scheduler(s.scheduler())));
        row.put(10, new ForwardingValues(s.forwarding()).method());
        // keepalived marks every virtual server it set up alive, whatever IPVS answered
        row.put(11, CheckSection.truth(true));
        row.put(12, s.virtualhost() == null ? null : new OctetString(s.virtualhost()));
        long persistence = s.persistenceTimeout() == null ? 0 : s.persistenceTimeout().toSeconds();
        row.put(13, CheckSection.truth(persistence > 0));
        row.put(14, persistence > 0 ? TableRow.unsigned32(persistence) : null);
        PersistenceGranularity granularity = new PersistenceGranularity(s.persistenceGranularity());
        row.put(15, id.addressed() && s.ipv6() ? null : granularity.bytes());
        row.put(51, id.addressed() && !s.ipv6() ? null : granularity.number());
        CheckerTiming timing = new CheckerTiming(s.checkers());
        row.put(16, timing.delayLoop());
        row.put(17, CheckSection.truth(s.haSuspend()));
        row.put(37, flag(s, "ops"));
        row.put(18, timing.alpha());
        row.put(19, CheckSection.truth(s.omega()));
        row.put(20, TableRow.unsigned32(vs.realServers().size()));
        row.put(21, TableRow.unsigned32(vs.realServersUp()));
        row.put(22, TableRow.unsigned32(s.quorum()));
        row.put(23, CheckSection.truth(vs.quorumMet()));
        row.put(24, script(s.quorumUp()));
        row.put(25, script(s.quorumDown()));
        row.put(26, TableRow.unsigned32(s.hysteresis()));
        STATS.put(row, vs.stats());
        schedulerFlags(row, s);
        row.put(56, new Integer32(s.inhibitOnFailure() ? 2 : 1));
        row.put(57, timing.retry());
        row.put(58, timing.delayBeforeRetry());
        row.put(59, timing.warmup());
        row.put(60, new Integer32(s.weight()));
        row.put(61, CheckSection.truth(s.smtpAlert()));
        row.put(64, timing.delayLoopMicros());
        row.put(65, timing.delayBeforeRetryMicros());
        row.put(66, timing.warmupMicros());
        row.put(67, timing.connectTimeoutMicros());
        ForwardingValues forwarding = new ForwardingValues(s.forwarding());
        row.put(68, forwarding.tunnelType());
        row.put(69, forwarding.tunnelPort());
        row.put(70, forwarding.tunnelChecksum());
        row.put(71, s.snmpName() == null ? null : new OctetString(s.snmpName()));
    }

    // keepalived reads the IP_VS_SVC_F_SCHED1/2/3 bits: sh-fallback and mh-fallback are one bit
    private static void schedulerFlags(TableRow row, VirtualServerSettings s) {
        Integer32 first = flag(s, "sh-fallback", "mh-fallback", "flag-1");
        Integer32 second = flag(s, "sh-port", "mh-port", "flag-2");
        row.put(52, flag(s, "hashed"));
        row.put(53, first);
        row.put(54, second);
        row.put(55, flag(s, "flag-3"));
        row.put(62, first);
        row.put(63, second);
    }

    private static Integer32 flag(VirtualServerSettings s, String... names) {
        for (String name : names) {
            if (s.schedulerFlags().contains(name)) {
                return CheckSection.truth(true);
            }
        }
        return CheckSection.truth(false);
    }

    /** tcp(1), udp(2), sctp(3), none(4). */
    private static int protocol(String protocol) {
        String p = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "tcp" -> 1;
            case "udp" -> 2;
            case "sctp" -> 3;
            default -> 4;
        };
    }

    /** rr(1) ... twos(14), other(99). */
    private static int scheduler(String name) {
        int i = SCHEDULERS.indexOf(name);
        return i < 0 ? 99 : i + 1;
    }

    static OctetString script(ScriptLine line) {
        return line == null ? null : new OctetString(line.quotedWords());
    }

    /**
     * persistence_granularity as keepalived keeps it, one 32-bit value read two ways:
     * 0xffffffff when unset, an IPv4 netmask in network byte order, or an IPv6 prefix length.
     * virtualServerPersistGranularity serves its four bytes as they lie in memory,
     * virtualServerPersistGranularity6 the number; on the little-endian hosts keepalived runs on,
     * a netmask read as a number comes out byte-reversed.
     */
    private record PersistenceGranularity(String configured) {

        OctetString bytes() {
            return new OctetString(memory());
        }

        UnsignedInteger32 number() {
            byte[] m = memory();
            long value = (m[0] & 0xFFL) | (m[1] & 0xFFL) << 8 | (m[2] & 0xFFL) << 16 | (m[3] & 0xFFL) << 24;
            return TableRow.unsigned32(value);
        }

        private byte[] memory() {
            if (configured == null) {
                return new byte[] {-1, -1, -1, -1};
            }
            if (configured.contains(".")) {
                InetAddressValue mask = InetAddressValue.of(configured);
                return mask.address().getValue();
            }
            int prefix = Integer.parseInt(configured);
            return new byte[] {(byte) prefix, 0, 0, 0};
        }
    }
}
