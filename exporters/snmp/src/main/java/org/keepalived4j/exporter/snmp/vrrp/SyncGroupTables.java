package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;
import java.util.SortedMap;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSettings;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** vrrpSyncGroupTable (index: the group's position) and vrrpSyncGroupMemberTable (group, member). */
final class SyncGroupTables {

    private final Table groups;
    private final Table members;

    SyncGroupTables(SortedMap<OID, Variable> out) {
        this.groups = KeepalivedVrrpSection.table(1, out);
        this.members = KeepalivedVrrpSection.table(2, out);
    }

    void collect(StateSnapshot state) {
        List<SyncGroupSnapshot> all = state.syncGroups();
        for (int g = 0; g < all.size(); g++) {
            SyncGroupSnapshot group = all.get(g);
            SyncGroupSettings s = group.settings();
            OID row = Table.index(g + 1);
            NotifySettings notify = s.notifyScripts();
            groups.cell(2, row, Table.text(s.name()));
            groups.cell(3, row, new Integer32(group.state().code()));
            groups.cell(4, row, TruthValue.of(s.smtpAlert()));
            groups.cell(5, row, TruthValue.of(notify.anyConfigured()));
            groups.cell(6, row, CommandText.of(notify.master()));
            groups.cell(7, row, CommandText.of(notify.backup()));
            groups.cell(8, row, CommandText.of(notify.fault()));
            groups.cell(9, row, CommandText.of(notify.any()));
            groups.cell(10, row, TruthValue.of(s.trackingWeight()));
            groups.cell(11, row, CommandText.of(notify.stop()));
            for (int m = 0; m < s.members().size(); m++) {
                members.cell(2, Table.index(g + 1, m + 1), Table.text(s.members().get(m)));
            }
        }
    }
}
