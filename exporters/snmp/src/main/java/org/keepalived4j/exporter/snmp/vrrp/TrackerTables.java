package org.keepalived4j.exporter.snmp.vrrp;

import java.util.SortedMap;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.VrrpScriptSettings;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The tracked objects themselves, each indexed by its position: vrrpScriptTable, vrrpFileTable,
 * vrrpBfdTable and vrrpProcessTable.
 */
final class TrackerTables {

    private final SortedMap<OID, Variable> out;

    TrackerTables(SortedMap<OID, Variable> out) {
        this.out = out;
    }

    void collect(StateSnapshot state) {
        Table scripts = KeepalivedVrrpSection.table(9, out);
        for (ScriptSnapshot script : state.scripts()) {
            VrrpScriptSettings s = script.settings();
            OID row = Table.index(s.index());
            scripts.cell(2, row, Table.text(s.name()));
            scripts.cell(3, row, CommandText.of(s.script()));
            scripts.cell(4, row, new Integer32((int) s.interval().toSeconds()));
            scripts.cell(5, row, new Integer32(s.weight()));
            scripts.cell(6, row, new Integer32(result(script)));
            scripts.cell(7, row, Unsigned32.of(s.rise()));
            scripts.cell(8, row, Unsigned32.of(s.fall()));
            scripts.cell(9, row, TruthValue.of(s.reverse()));
        }
        Table files = KeepalivedVrrpSection.table(13, out);
        for (TrackFileSnapshot f : state.trackFiles()) {
            OID row = Table.index(f.index());
            files.cell(2, row, Table.text(f.name()));
            files.cell(3, row, Table.text(f.path()));
            files.cell(4, row, new Integer32((int) f.value()));
            files.cell(5, row, new Integer32(f.weight()));
            files.cell(6, row, TruthValue.of(f.reverse()));
        }
        Table bfds = KeepalivedVrrpSection.table(18, out);
        for (TrackBfdSnapshot b : state.trackBfds()) {
            OID row = Table.index(b.index());
            bfds.cell(2, row, Table.text(b.name()));
            bfds.cell(3, row, new Integer32(b.up() ? 1 : 0));
            bfds.cell(4, row, new Integer32(b.weight()));
            bfds.cell(5, row, TruthValue.of(b.reverse()));
        }
        Table processes = KeepalivedVrrpSection.table(21, out);
        for (TrackProcessSnapshot p : state.trackProcesses()) {
            process(processes, p);
        }
    }

    private static void process(Table table, TrackProcessSnapshot p) {
        OID row = Table.index(p.index());
        table.cell(2, row, Table.text(p.name()));
        table.cell(3, row, Table.text(p.process()));
        table.cell(4, row, Table.text(p.parameters() == null ? "" : p.parameters()));
        table.cell(5, row, new Integer32(paramMatch(p.paramMatch())));
        table.cell(6, row, new Integer32(p.weight()));
        table.cell(7, row, TruthValue.of(p.reverse()));
        table.cell(8, row, Unsigned32.of(p.quorum()));
        table.cell(9, row, new Integer32(p.quorumMax()));
        table.cell(10, row, Unsigned32.of(p.forkDelay().toNanos() / 1000));
        table.cell(11, row, Unsigned32.of(p.terminateDelay().toNanos() / 1000));
        table.cell(12, row, TruthValue.of(p.fullCommand()));
        table.cell(13, row, new Integer32(p.running()));
        table.cell(14, row, TruthValue.of(p.up()));
    }

    /**
     * vrrpScriptResult: init(1) until the script has a verdict, initfailed(5) while an
     * {@code init_fail} script has not run yet, bad(2), good(3). A disabled script never runs.
     */
    static int result(ScriptSnapshot script) {
        ScriptStatus status = script.status();
        return switch (status) {
            case GOOD -> 3;
            case BAD -> script.settings().initFail() && script.lastRun() == null ? 5 : 2;
            case INIT, DISABLED -> 1;
        };
    }

    /** keepalived's param_match as it serves it: none 0, exact 1, initial 2, partial 3. */
    private static int paramMatch(String match) {
        if (match == null) {
            return 0;
        }
        return switch (match) {
            case "exact" -> 1;
            case "initial" -> 2;
            case "partial" -> 3;
            default -> 0;
        };
    }
}
