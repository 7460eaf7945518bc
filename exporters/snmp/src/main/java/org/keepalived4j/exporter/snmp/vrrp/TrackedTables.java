package org.keepalived4j.exporter.snmp.vrrp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * What instances and sync groups track: vrrpTracked{Interface,Script,File,Bfd,Process}Table and
 * vrrpSyncTracked{Interface,Script,File,Bfd,Process}Table, indexed by (instance or group
 * position, tracked object's position in the configuration). As keepalived does, an interface or
 * script shows the weight its track line gives, a file, BFD session or process the weight of its
 * own definition.
 */
final class TrackedTables {

    /** Table numbers, for an instance and for a sync group, and the column of the name. */
    private enum Kind {
        INTERFACE("interface", 4, 14, 1),
        SCRIPT("script", 5, 15, 2),
        FILE("file", 12, 16, 2),
        BFD("bfd", 17, 19, 2),
        PROCESS("process", 20, 22, 2);

        final String name;
        final int instanceTable;
        final int groupTable;
        final int nameColumn;

        Kind(String name, int instanceTable, int groupTable, int nameColumn) {
            this.name = name;
            this.instanceTable = instanceTable;
            this.groupTable = groupTable;
            this.nameColumn = nameColumn;
        }
    }

    private final SortedMap<OID, Variable> out;

    TrackedTables(SortedMap<OID, Variable> out) {
        this.out = out;
    }

    void collect(StateSnapshot state) {
        for (Kind kind : Kind.values()) {
            Table instances = KeepalivedVrrpSection.table(kind.instanceTable, out);
            for (VrrpInstanceSnapshot i : state.vrrpInstances()) {
                rows(instances, kind, i.settings().index(), i.settings().tracked(kind.name), state);
            }
            Table groups = KeepalivedVrrpSection.table(kind.groupTable, out);
            List<SyncGroupSnapshot> all = state.syncGroups();
            for (int g = 0; g < all.size(); g++) {
                rows(groups, kind, g + 1, all.get(g).settings().tracked(kind.name), state);
            }
        }
    }

    private static void rows(Table table, Kind kind, int owner, List<TrackSettings> tracked, StateSnapshot state) {
        Map<String, TrackSettings> definitions = definitions(kind, state);
        for (int m = 0; m < tracked.size(); m++) {
            TrackSettings t = definitions.getOrDefault(tracked.get(m).name(), tracked.get(m));
            OID row = Table.index(owner, m + 1);
            table.cell(kind.nameColumn, row, Table.text(t.name()));
            table.cell(kind.nameColumn + 1, row, new Integer32(t.weight()));
            table.cell(kind.nameColumn + 2, row, TruthValue.of(t.reverse()));
        }
    }

    /** The files, BFD sessions and processes by name, with the weight of their own definition. */
    private static Map<String, TrackSettings> definitions(Kind kind, StateSnapshot state) {
        Map<String, TrackSettings> byName = new HashMap<>();
        switch (kind) {
            case FILE -> state.trackFiles().forEach(f -> byName.put(f.name(),
                    new TrackSettings(kind.name, f.name(), f.weight(), f.reverse())));
            case BFD -> state.trackBfds().forEach(b -> byName.put(b.name(),
                    new TrackSettings(kind.name, b.name(), b.weight(), b.reverse())));
            case PROCESS -> state.trackProcesses().forEach(p -> byName.put(p.name(),
                    new TrackSettings(kind.name, p.name(), p.weight(), p.reverse())));
            default -> {
            }
        }
        return byName;
    }
}
