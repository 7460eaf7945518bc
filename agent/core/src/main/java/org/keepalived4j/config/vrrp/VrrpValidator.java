package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.global.ScriptUsers;
import org.keepalived4j.config.keyword.ParseContext;

/**
 * keepalived's checks of the VRRP side once the whole file is read (the LVS side has
 * {@code LvsValidator}), in its order: a non-existent interface
 * refuses the configuration outright; then script security, the minimal instance settings,
 * sync group membership, each instance's completion, duplicate VRIDs, and sync group tracking.
 * Where keepalived gives up, the remaining steps are skipped and no instance is produced.
 */
final class VrrpValidator {

    private final ParseContext ctx;
    private final GlobalDraft global;
    private final ScriptUsers users;

    VrrpValidator(ParseContext ctx, GlobalDraft global, ScriptUsers users) {
        this.ctx = ctx;
        this.global = global;
        this.users = users;
    }

    void validate(Map<String, VrrpScriptConfig> scripts, List<SyncGroupParser.Draft> groupDrafts,
            Map<String, InstanceDraft> instances, List<VrrpInstanceConfig> outInstances,
            List<SyncGroupConfig> outGroups) {
        if (ctx.nonExistentInterface()) {
            ctx.diagnostics().error(null, null, "Non-existent interface specified in configuration");
            return;
        }
        List<InstanceDraft> drafts = new ArrayList<>(instances.values());
        new ScriptSecurityCheck(ctx, global, users).run(scripts, drafts, groupDrafts);
        InstanceCompletion completion = new InstanceCompletion(ctx, global);
        for (InstanceDraft d : drafts) {
            if (!completion.minimal(d)) {
                return;
            }
        }
        SyncGroupCompletion sync = new SyncGroupCompletion(ctx);
        List<SyncGroupParser.Draft> groups = sync.resolve(groupDrafts, instances);
        List<VrrpInstanceConfig> done = new ArrayList<>();
        for (InstanceDraft d : drafts) {
            SyncGroupParser.Draft group = groups.stream().filter(g -> g.name.equals(d.syncGroup)).findFirst()
                    .orElse(null);
            VrrpInstanceConfig c = completion.complete(d, group);
            if (c == null) {
                return;
            }
            done.add(c);
        }
        if (vridConflicts(done)) {
            return;
        }
        outInstances.addAll(done);
        for (SyncGroupParser.Draft g : groups) {
            List<VrrpInstanceConfig> members = done.stream().filter(i -> g.members.contains(i.name())).toList();
            outGroups.add(sync.complete(g, members, global));
        }
    }

    /** keepalived's duplicate VRID check; true when the configuration is refused. */
    private boolean vridConflicts(List<VrrpInstanceConfig> list) {
        boolean refused = false;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                VrrpInstanceConfig a = list.get(i);
                VrrpInstanceConfig b = list.get(j);
                if (a.ipv6() != b.ipv6() || a.vrid() != b.vrid() || a.transport().unicast() != b.transport().unicast()) {
                    continue;
                }
                if (a.transport().unicast()) {
                    refused |= unicastConflict(a, b);
                } else if (Objects.equals(a.interfaceName(), b.interfaceName())
                        && Objects.equals(a.transport().mcastDstIp(), b.transport().mcastDstIp())) {
                    ctx.diagnostics().error(b.location(), null, a.name() + " and " + b.name() + " both use VRID "
                            + a.vrid() + " with IPv" + (a.ipv6() ? 6 : 4) + " on interface " + a.interfaceName());
                    refused = true;
                }
            }
        }
        return refused;
    }

    private boolean unicastConflict(VrrpInstanceConfig a, VrrpInstanceConfig b) {
        if (a.interfaceName() != null && b.interfaceName() != null && !a.interfaceName().equals(b.interfaceName())) {
            return false;
        }
        if (a.transport().sourceAddress() == null || b.transport().sourceAddress() == null
                || !a.transport().sourceAddress().equals(b.transport().sourceAddress())) {
            return false;
        }
        boolean shared = a.transport().unicastPeers().stream().anyMatch(p -> b.transport().unicastPeers().stream()
                .anyMatch(q -> q.address().equals(p.address())));
        if (shared) {
            ctx.diagnostics().error(a.location(), a.name(), "duplicate VRID conflict with " + b.name() + " VRID "
                    + a.vrid());
        }
        return shared;
    }
}
