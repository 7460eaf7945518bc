package org.keepalived4j.model;

import java.util.List;

/**
 * A {@code vrrp_sync_group} as configured.
 *
 * @param index its position among the sync groups, from 1 (KEEPALIVED-MIB's vrrpSyncGroupIndex)
 * @param name the group name
 * @param members its instances, in configuration order
 * @param notifyScripts its notify scripts
 * @param smtpAlert whether its state changes send mail (resolved against the globals)
 * @param trackingWeight {@code sync_group_tracking_weight}: members' tracker weights apply to the group
 * @param tracked what the group itself tracks
 */
public record SyncGroupSettings(int index, String name, List<String> members, NotifySettings notifyScripts,
        boolean smtpAlert, boolean trackingWeight, List<TrackSettings> tracked) {

    public SyncGroupSettings {
        members = List.copyOf(members);
        tracked = List.copyOf(tracked);
    }

    /** The tracked objects of one kind, in configuration order. */
    public List<TrackSettings> tracked(String kind) {
        return tracked.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
