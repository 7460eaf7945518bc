package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.TrackingConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.model.VrrpState;

/**
 * Sync group membership and tracking, as keepalived settles them after reading: unknown or
 * doubly-grouped members are dropped, empty groups removed, and a group with an address owner
 * among its members may not carry weighted tracking.
 */
final class SyncGroupCompletion {

    private final ParseContext ctx;

    SyncGroupCompletion(ParseContext ctx) {
        this.ctx = ctx;
    }

    /** Resolves members; returns the groups that survive, and records each member's group. */
    List<SyncGroupParser.Draft> resolve(List<SyncGroupParser.Draft> groups, Map<String, InstanceDraft> instances) {
        List<SyncGroupParser.Draft> kept = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (SyncGroupParser.Draft g : groups) {
            if (g.names == null) {
                ctx.error(g.node, null, "Sync group " + g.name + " has no virtual router(s). removing");
                continue;
            }
            boolean master = false;
            boolean stateSet = false;
            for (String member : g.names) {
                InstanceDraft d = instances.get(member);
                if (d == null) {
                    ctx.error(g.node, null, "Virtual router " + member + " specified in sync group " + g.name
                            + " doesn't exist - ignoring");
                    continue;
                }
                if (taken.containsKey(member)) {
                    ctx.error(g.node, null, "Virtual router " + member
                            + " cannot exist in more than one sync group; ignoring " + g.name);
                    continue;
                }
                taken.put(member, g.name);
                g.members.add(member);
                d.syncGroup = g.name;
                VrrpState want = d.state;
                if (stateSet && master && want == VrrpState.BACKUP) {
                    ctx.error(g.node, null, "Sync group " + g.name + " has some member(s) as address owner and some not"
                            + " as address owner. This won't work.");
                }
                if (!stateSet || master) {
                    master = want == VrrpState.MASTER && d.priority == 255;
                    stateSet = true;
                }
            }
            if (g.members.isEmpty()) {
                ctx.error(g.node, null, "Sync group " + g.name + ", no matching virtual router found in group"
                        + " declaration - removing");
                continue;
            }
            if (g.members.size() == 1) {
                ctx.error(g.node, null, "Sync group " + g.name + " has only 1 virtual router(s) - this probably isn't"
                        + " what you want");
            }
            kept.add(g);
        }
        return kept;
    }

    /** The group's own tracking, once its members are complete: no weights beside an address owner. */
    SyncGroupConfig complete(SyncGroupParser.Draft g, List<VrrpInstanceConfig> members, GlobalDraft global) {
        boolean owner = members.stream().anyMatch(VrrpInstanceConfig::addressOwner);
        if (owner) {
            clear(g, g.trackScripts, "script", "clearing weight", n -> g.owner.scriptWeight(n));
            clear(g, g.trackFiles, "file", "setting weight 0", n -> g.owner.trackFileWeight(n));
            clear(g, g.trackProcesses, "process", "setting weight 0", n -> g.owner.trackProcessWeight(n));
            clear(g, g.trackBfds, "bfd", "setting weight 0", n -> g.owner.bfdWeight(n));
            clear(g, g.trackInterfaces, "interface", "clearing weight", n -> 0);
        }
        boolean smtp = g.smtpAlert != null ? g.smtpAlert : global.vrrpSmtpAlert();
        TrackingConfig tracking = new TrackingConfig(g.trackInterfaces, g.trackScripts, g.trackFiles,
                g.trackProcesses, g.trackBfds);
        NotifyConfig notify = new NotifyConfig(g.master, g.backup, g.fault, g.stop, null, false, g.any, null);
        return new SyncGroupConfig(g.name, g.node.location(), g.members, tracking, notify,
                g.notifyPriorityChanges != null && g.notifyPriorityChanges, smtp, g.globalTracking, g.trackingWeight);
    }

    private void clear(SyncGroupParser.Draft g, List<TrackRef> list, String kind, String action,
            java.util.function.ToIntFunction<String> own) {
        for (int i = 0; i < list.size(); i++) {
            TrackRef t = list.get(i);
            if (TrackingAdjustment.effective(t, own.applyAsInt(t.name())) != 0) {
                ctx.diagnostics().error(t.location(), g.name, "Cannot have weighted track " + kind + " '" + t.name()
                        + "' with member having priority 255 - " + action);
                list.set(i, new TrackRef(t.name(), 0, t.reverse(), t.location()));
            }
        }
    }
}
