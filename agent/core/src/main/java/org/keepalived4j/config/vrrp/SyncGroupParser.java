package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code vrrp_sync_group} block; its members are resolved after all instances are read. */
final class SyncGroupParser {

    /** A sync group while it is read and completed. */
    static final class Draft {
        final VrrpSection owner;
        final String name;
        final ConfigNode node;
        List<String> names;
        final List<TrackRef> trackInterfaces = new ArrayList<>();
        final List<TrackRef> trackScripts = new ArrayList<>();
        final List<TrackRef> trackFiles = new ArrayList<>();
        final List<TrackRef> trackProcesses = new ArrayList<>();
        final List<TrackRef> trackBfds = new ArrayList<>();
        NotifyScript master;
        NotifyScript backup;
        NotifyScript fault;
        NotifyScript stop;
        NotifyScript any;
        Boolean smtpAlert;
        Boolean notifyPriorityChanges;
        boolean globalTracking;
        boolean trackingWeight;
        final List<String> members = new ArrayList<>();

        Draft(VrrpSection owner, String name, ConfigNode node) {
            this.owner = owner;
            this.name = name;
            this.node = node;
        }
    }

    static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .block("group", (d, n, c) -> {
                if (d.names != null) {
                    c.error(n, null, "Group list already specified for sync group " + d.name);
                    return;
                }
                d.names = new ArrayList<>();
                n.children().forEach(line -> d.names.addAll(line.words()));
                if (d.names.isEmpty()) {
                    d.names = null;
                    c.warning(n, null, "sync group " + d.name + " has empty group block");
                }
            })
            .block("track_interface", (d, n, c) -> TrackEntries.interfaces(n, c, d.name, d.trackInterfaces))
            .block("track_script", (d, n, c) -> TrackEntries.named(n, c, d.name, d.trackScripts, "track_script",
                    d.owner::hasScript, 253))
            .block("track_file", (d, n, c) -> TrackEntries.named(n, c, d.name, d.trackFiles, "track_file",
                    d.owner::hasTrackFile, 254))
            .block("track_process", (d, n, c) -> TrackEntries.named(n, c, d.name, d.trackProcesses, "track_process",
                    d.owner::hasTrackProcess, 254))
            .block("track_bfd", (d, n, c) -> TrackEntries.named(n, c, d.name, d.trackBfds, "track_bfd",
                    d.owner::hasBfd, 253))
            .line("notify_master", (d, n, c) -> d.master = notify(d, n, c, d.master, "notify_master script"))
            .line("notify_backup", (d, n, c) -> d.backup = notify(d, n, c, d.backup, "notify_backup script"))
            .line("notify_fault", (d, n, c) -> d.fault = notify(d, n, c, d.fault, "notify_fault script"))
            .line("notify_stop", (d, n, c) -> d.stop = notify(d, n, c, d.stop, "notify_stop script"))
            .line("notify", (d, n, c) -> d.any = notify(d, n, c, d.any, "notify script"))
            .line("smtp_alert", (d, n, c) -> {
                Boolean v = Args.parseBool(n.arg(0) == null ? "true" : n.arg(0));
                if (v == null) {
                    c.error(n, null, "Invalid vrrp_group smtp_alert parameter " + n.arg(0));
                } else {
                    d.smtpAlert = v;
                }
            })
            .line("global_tracking", (d, n, c) -> {
                c.warning(n, d.name, "global_tracking is deprecated. Use track_interface/script/file on the sync group");
                d.globalTracking = true;
                d.trackingWeight = true;
            })
            .line("sync_group_tracking_weight", (d, n, c) -> d.trackingWeight = true)
            .line("notify_priority_changes", (d, n, c) -> {
                Boolean v = c.args(n).optionalBool(d.name, "Invalid value '" + n.arg(0)
                        + "' for sync group notify_priority_changes specified");
                if (v != null) {
                    d.notifyPriorityChanges = v;
                }
            });

    private SyncGroupParser() {
    }

    private static NotifyScript notify(Draft d, ConfigNode n, ParseContext c, NotifyScript previous, String what) {
        if (previous != null) {
            c.error(n, null, "vrrp group " + d.name + ": " + what + " already specified - ignoring " + n.arg(0));
            return previous;
        }
        return ScriptLines.notifyScript(n, c, d.name);
    }
}
