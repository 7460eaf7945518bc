package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalived4j.config.StaticTrackGroupConfig;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** Resolves {@code track_group} members once all instances are known (keepalived only logs problems here). */
final class StaticTrackGroups {

    private StaticTrackGroups() {
    }

    static List<StaticTrackGroupConfig> build(StaticSectionsParser.Draft d, Set<String> instances, ParseContext ctx) {
        List<StaticTrackGroupConfig> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : d.groupNodes.entrySet()) {
            String name = e.getKey();
            List<String> names = d.groupMembers.get(name);
            if (names == null) {
                ctx.info(e.getValue(), null, "Static track group " + name + " has no virtual router(s) - removing");
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String member : names) {
                if (instances.contains(member)) {
                    members.add(member);
                } else {
                    ctx.info(e.getValue(), null, "vrrp instance " + member + " specified in track group " + name
                            + " doesn't exist - ignoring");
                }
            }
            if (members.isEmpty()) {
                ctx.info(e.getValue(), null, "Static track group " + name + " has no VRRP instance(s) - removing");
                continue;
            }
            out.add(new StaticTrackGroupConfig(name, e.getValue().location(), members, d.groupUsers.get(name)));
        }
        return out;
    }
}
