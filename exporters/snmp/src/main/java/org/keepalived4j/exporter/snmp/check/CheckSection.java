package org.keepalived4j.exporter.snmp.check;

import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * KEEPALIVED-MIB's checker part (.1.3.6.1.4.1.9586.100.5.3) as keepalived 2.2.7's checker
 * process serves it (check/check_snmp.c): virtualServerGroupTable, virtualServerGroupMemberTable,
 * virtualServerTable and realServerTable, with keepalived's indexes, types and encodings, and of
 * the lvsSyncDaemon group only lvsSyncDaemonEnabled, disabled(2): keepalived4j runs no sync
 * daemon, and keepalived serves the group's other scalars only with one configured. It serves
 * nothing of lvsTimeouts, as keepalived does with no {@code lvs_timeouts} applied.
 *
 * <p>keepalived registers the subtree from its checker process, which runs when the configuration
 * has a virtual_server, and only with {@code enable_snmp_checker}; {@link #served} says the same
 * of a snapshot. keepalived4j checks real servers without IPVS too (monitor-only), where
 * keepalived's checker process would exit: the tables are served there all the same.
 */
public final class CheckSection implements MibSection {

    /** KEEPALIVED-MIB's check subtree. */
    public static final OID ROOT = new OID("1.3.6.1.4.1.9586.100.5.3");

    private static final OID LVS_SYNC_DAEMON_ENABLED = new OID(ROOT).append("6.1.0");

    @Override
    public OID root() {
        return new OID(ROOT);
    }

    /** Whether keepalived would serve the checker tables: {@code enable_snmp_checker} and virtual servers. */
    public static boolean served(StateSnapshot state) {
        return state.daemon().settings().snmpChecker() && !state.virtualServers().isEmpty();
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        if (!served(state)) {
            return;
        }
        for (VirtualServerGroupSnapshot group : state.virtualServerGroups()) {
            VirtualServerGroupTable.put(group, out);
        }
        for (VirtualServerSnapshot vs : state.virtualServers()) {
            VirtualServerTable.put(vs, out);
            RealServerTable.put(vs, out);
        }
        out.put(LVS_SYNC_DAEMON_ENABLED, truth(false));
    }

    /** keepalived's SNMP_TruthValue: 1 for true, 2 for false (also enabled/disabled, alive/dead...). */
    static Integer32 truth(boolean value) {
        return new Integer32(value ? 1 : 2);
    }
}
