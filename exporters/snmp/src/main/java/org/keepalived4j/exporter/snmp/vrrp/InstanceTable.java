package org.keepalived4j.exporter.snmp.vrrp;

import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;

/**
 * vrrpInstanceTable, indexed by the instance's position. keepalived leaves out
 * vrrpInstanceLvsSyncInterface unless the instance drives the LVS sync daemon (this daemon runs
 * none), the multicast columns of a unicast instance, and the scripts not configured.
 */
final class InstanceTable {

    private final Table table;

    InstanceTable(Table table) {
        this.table = table;
    }

    void collect(StateSnapshot state) {
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            VrrpInstanceSettings s = instance.settings();
            VrrpInstanceStatus t = instance.status();
            OID row = Table.index(s.index());
            boolean v3 = s.version() == 3;
            table.cell(2, row, Table.text(s.name()));
            table.cell(3, row, Unsigned32.of(s.vrid()));
            table.cell(4, row, new Integer32(t.state().code()));
            table.cell(5, row, new Integer32(s.initialState().code()));
            table.cell(6, row, new Integer32(t.wantedState().code()));
            table.cell(7, row, new Integer32(t.basePriority()));
            table.cell(8, row, new Integer32(t.effectivePriority()));
            table.cell(9, row, TruthValue.of(vipsSet(instance)));
            table.cell(10, row, Table.text(s.interfaceName()));
            table.cell(11, row, TruthValue.of(!s.tracked("interface").isEmpty()));
            long interval = v3 ? s.advertInterval().toMillis() / 10 : s.advertInterval().toSeconds();
            table.cell(12, row, Unsigned32.of(interval));
            table.cell(13, row, TruthValue.of(s.preempt()));
            table.cell(14, row, Unsigned32.of(s.preemptDelay().toSeconds()));
            table.cell(15, row, new Integer32(v3 ? 0 : AuthType.code(s.authType())));
            table.cell(16, row, TruthValue.of(false));
            table.cell(18, row, Table.text(s.syncGroup()));
            table.cell(19, row, Unsigned32.of(s.garpMasterDelay().toSeconds()));
            table.cell(20, row, TruthValue.of(s.smtpAlert()));
            scripts(row, s.notifyScripts());
            table.cell(27, row, v3 ? TruthValue.of(s.accept()) : new Integer32(0));
            table.cell(28, row, TruthValue.of(s.promoteSecondaries()));
            table.cell(29, row, TruthValue.of(s.useLinkbeat()));
            table.cell(30, row, new Integer32(s.version()));
            table.cell(33, row, TruthValue.of(s.notifyScripts().deletedState()));
            if (s.multicastGroup() != null) {
                table.cell(34, row, InetAddresses.type(s.ipv6()));
                table.cell(35, row, InetAddresses.octets(s.multicastGroup()));
            }
        }
    }

    private void scripts(OID row, NotifySettings notify) {
        table.cell(21, row, TruthValue.of(notify.anyConfigured()));
        table.cell(22, row, CommandText.of(notify.master()));
        table.cell(23, row, CommandText.of(notify.backup()));
        table.cell(24, row, CommandText.of(notify.fault()));
        table.cell(25, row, CommandText.of(notify.stop()));
        table.cell(26, row, CommandText.of(notify.any()));
        table.cell(31, row, CommandText.of(notify.masterRxLowerPri()));
        table.cell(32, row, CommandText.of(notify.deleted()));
    }

    /**
     * keepalived's vipset: whether the instance has put its addresses up, which it does on
     * entering MASTER (even when the kernel refuses one of them) and undoes on leaving it.
     */
    private static boolean vipsSet(VrrpInstanceSnapshot instance) {
        return instance.state() == VrrpState.MASTER;
    }
}
