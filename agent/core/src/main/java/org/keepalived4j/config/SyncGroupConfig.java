package org.keepalived4j.config;

import java.util.List;

/**
 * A {@code vrrp_sync_group} block.
 *
 * @param name the group name
 * @param location where the block starts
 * @param members the member instance names in order (unknown names are dropped with a diagnostic)
 * @param tracking what the group tracks on behalf of all its members
 * @param notifyScripts the group's notify scripts
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param smtpAlert whether group state changes send mail
 * @param globalTracking {@code global_tracking} (deprecated)
 * @param syncGroupTrackingWeight {@code sync_group_tracking_weight}
 */
public record SyncGroupConfig(String name, SourceLocation location, List<String> members, TrackingConfig tracking,
        NotifyConfig notifyScripts, boolean notifyPriorityChanges, boolean smtpAlert, boolean globalTracking,
        boolean syncGroupTrackingWeight) {

    public SyncGroupConfig {
        members = List.copyOf(members);
    }
}
