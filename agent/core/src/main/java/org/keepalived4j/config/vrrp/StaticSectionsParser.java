package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.InterfaceDelayConfig;
import org.keepalived4j.config.LinkbeatInterfaceConfig;
import org.keepalived4j.config.RouteConfig;
import org.keepalived4j.config.RuleConfig;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The top-level blocks of the GLOBAL CONFIGURATION part other than global_defs:
 * {@code static_ipaddress}, {@code static_routes}, {@code static_rules}, {@code track_group},
 * {@code linkbeat_interfaces} and {@code interface_up_down_delays}.
 */
final class StaticSectionsParser {

    /** What those blocks collected. */
    static final class Draft {
        final List<VipConfig> addresses = new ArrayList<>();
        final List<RouteConfig> routes = new ArrayList<>();
        final List<RuleConfig> rules = new ArrayList<>();
        /** Track group name to where it was declared and its member names (null if no group block). */
        final Map<String, ConfigNode> groupNodes = new LinkedHashMap<>();
        final Map<String, List<String>> groupMembers = new LinkedHashMap<>();
        final Map<String, List<SourceLocation>> groupUsers = new LinkedHashMap<>();
        final List<LinkbeatInterfaceConfig> linkbeat = new ArrayList<>();
        final List<InterfaceDelayConfig> delays = new ArrayList<>();
        final RuleLineParser.PreferenceCounter preferences;

        Draft(RuleLineParser.PreferenceCounter preferences) {
            this.preferences = preferences;
        }
    }

    private StaticSectionsParser() {
    }

    static void addresses(Draft d, ConfigNode block, ParseContext ctx, String defaultInterface) {
        for (ConfigNode line : block.children()) {
            AddressLineParser.Parsed p = AddressLineParser.parse(line, ctx, null, true);
            if (p == null) {
                continue;
            }
            VipConfig vip = p.vip();
            if (vip.device() == null) {
                if (!ctx.interfaceExists(defaultInterface)) {
                    ctx.diagnostics().fatal(line.location(), "Static address " + line.keyword()
                            + " requires either an interface or default interface must exist");
                    continue;
                }
                vip = VipConfig.of(vip.address(), defaultInterface, vip.location());
            }
            trackedBy(d, ctx, line, p.trackGroup());
            d.addresses.add(vip);
        }
    }

    static void routes(Draft d, ConfigNode block, ParseContext ctx) {
        for (ConfigNode line : block.children()) {
            RouteLineParser.Parsed p = RouteLineParser.parse(line, ctx, null, true);
            if (p != null) {
                trackedBy(d, ctx, line, p.trackGroup());
                d.routes.add(p.route());
            }
        }
    }

    static void rules(Draft d, ConfigNode block, ParseContext ctx) {
        for (ConfigNode line : block.children()) {
            RuleLineParser.Parsed p = RuleLineParser.parse(line, ctx, null, d.preferences, true);
            if (p != null) {
                trackedBy(d, ctx, line, p.trackGroup());
                d.rules.add(p.rule());
            }
        }
    }

    private static void trackedBy(Draft d, ParseContext ctx, ConfigNode line, String group) {
        if (group == null) {
            return;
        }
        if (!d.groupNodes.containsKey(group)) {
            ctx.error(line, null, "track_group " + group + " not found");
            return;
        }
        d.groupUsers.get(group).add(line.location());
    }

    static void trackGroup(Draft d, ConfigNode block, ParseContext ctx) {
        if (block.args().size() != 1) {
            ctx.error(block, null, "track_group must have a name - skipping");
            return;
        }
        String name = block.arg(0);
        if (d.groupNodes.containsKey(name)) {
            ctx.error(block, null, "track_group " + name + " already defined");
            return;
        }
        d.groupNodes.put(name, block);
        d.groupUsers.put(name, new ArrayList<>());
        List<String> members = null;
        for (ConfigNode line : block.children()) {
            if (!"group".equals(line.keyword())) {
                ctx.unknownKeyword(line);
            } else if (members != null) {
                ctx.error(line, null, "Group list already specified for sync group " + name);
            } else if (!line.isBlock() || line.children().isEmpty()) {
                ctx.warning(line, null, "track group " + name + " has empty group block");
            } else {
                members = new ArrayList<>();
                for (ConfigNode member : line.children()) {
                    members.addAll(member.words());
                }
            }
        }
        d.groupMembers.put(name, members);
    }

    static void linkbeat(Draft d, ConfigNode block, ParseContext ctx) {
        for (ConfigNode line : block.children()) {
            String name = line.keyword();
            if (!ctx.interfaceUsable(name)) {
                ctx.diagnostics().fatal(line.location(), "unknown interface " + name + " specified for linkbeat interface");
                continue;
            }
            String type = line.arg(0);
            if (type != null && (!List.of("MII", "ETHTOOL", "IOCTL").contains(type) || line.args().size() > 1)) {
                ctx.error(line, null, "extra characters " + type + " in linkbeat interface");
                type = List.of("MII", "ETHTOOL", "IOCTL").contains(type) ? type : null;
            }
            d.linkbeat.add(new LinkbeatInterfaceConfig(name, type, line.location()));
        }
    }

    static void delays(Draft d, ConfigNode block, ParseContext ctx) {
        for (ConfigNode line : block.children()) {
            String name = line.keyword();
            if (!ctx.interfaceUsable(name)) {
                ctx.diagnostics().fatal(line.location(), "unknown interface " + name + " specified for up/down delay");
                continue;
            }
            if (line.args().isEmpty()) {
                ctx.info(line, null, "No timeouts specified for " + name + " up/down delays");
                continue;
            }
            if (line.args().size() > 2) {
                ctx.info(line, null, "Too many parameters for " + name + " up/down delays");
            }
            NumberReading.Result down = NumberReading.decimal(line.arg(0), 0, 255_000_000L, 6);
            if (!down.ok()) {
                ctx.error(line, null, down.problemText() + " - Invalid down delay " + line.arg(0) + " for " + name);
                continue;
            }
            long up = 0;
            if (line.args().size() >= 2) {
                NumberReading.Result r = NumberReading.decimal(line.arg(1), 0, 255_000_000L, 6);
                if (!r.ok()) {
                    ctx.error(line, null, r.problemText() + " - Invalid up delay " + line.arg(1) + " for " + name);
                    continue;
                }
                up = r.value();
            }
            d.delays.add(new InterfaceDelayConfig(name, down.value(), up, line.location()));
        }
    }
}
