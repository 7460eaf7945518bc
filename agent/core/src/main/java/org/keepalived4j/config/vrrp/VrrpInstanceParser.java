package org.keepalived4j.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.model.VrrpState;

/**
 * The lines of a {@code vrrp_instance} block, checked as keepalived checks them while reading;
 * the checks that need the whole instance are in {@link InstanceCompletion}.
 */
final class VrrpInstanceParser {

    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final long SECONDS_MAX = UINT_MAX / 1_000_000L;

    private static final KeywordTable<InstanceDraft> AUTH = new KeywordTable<InstanceDraft>()
            .line("auth_type", (d, n, c) -> {
                String type = c.param(n, 0);
                switch (type) {
                    case "PASS" -> d.authType = AuthType.PASS;
                    case "AH" -> d.authType = AuthType.AH;
                    default -> c.error(n, d.name, "unknown authentication type '" + type + "'");
                }
            })
            .line("auth_pass", (d, n, c) -> {
                String pass = c.param(n, 0);
                if (pass.length() > 8) {
                    c.warning(n, d.name, "Truncating auth_pass to 8 characters");
                    pass = pass.substring(0, 8);
                }
                d.authPass = pass;
            });

    static final KeywordTable<InstanceDraft> TABLE = InstanceOptionKeywords.register(new KeywordTable<InstanceDraft>()
            .line("state", VrrpInstanceParser::state)
            .line("interface", VrrpInstanceParser::interfaceLine)
            .line("virtual_router_id", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 1, 255, d.name, "VRID '" + n.arg(0)
                        + "' not valid - must be between 1 & 255");
                if (v != null) {
                    d.vrid = v.intValue();
                }
            })
            .line("priority", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 1, 255, d.name, "Priority not valid! must be between 1 & 255."
                        + " Using default 100");
                d.priority = v == null ? 100 : v.intValue();
            })
            .line("advert_int", (d, n, c) -> {
                Long v = c.args(n).timerIn(0, 10_000, 255_000_000L, d.name, "Advert interval (" + n.arg(0)
                        + ") not valid! Must be > 0 - ignoring");
                if (v != null && v > 0) {
                    d.advertMicros = v;
                }
            })
            .line("version", (d, n, c) -> {
                Long v = c.args(n).signedIn(0, 2, 3, d.name, "Version must be either 2 or 3");
                if (v == null) {
                    return;
                }
                if (d.version != 0 && d.version != v || v == 2 && d.ipv6()) {
                    c.error(n, d.name, "vrrp_version " + v + " conflicts with configured or deduced version "
                            + d.version + "; ignoring.");
                    return;
                }
                d.version = v.intValue();
            })
            .line("native_ipv6", (d, n, c) -> {
                if (d.family == 4) {
                    c.error(n, d.name, "Cannot specify native_ipv6 with IPv4 addresses");
                    return;
                }
                d.family = 6;
                d.version = 3;
            })
            .line("nopreempt", (d, n, c) -> d.nopreempt = true)
            .line("preempt", (d, n, c) -> d.nopreempt = false)
            .line("preempt_delay", (d, n, c) -> {
                Long v = c.args(n).timerIn(0, 0, 1000_000_000L, d.name, "Preempt_delay not valid! must be between 0-1000");
                d.preemptDelayMicros = v == null ? 0 : v;
            })
            .block("authentication", (d, n, c) -> AUTH.apply(d, n.children(), c))
            .block("virtual_ipaddress", (d, n, c) -> addresses(d, n, c, true))
            .block("virtual_ipaddress_excluded", (d, n, c) -> addresses(d, n, c, false))
            .block("virtual_routes", (d, n, c) -> {
                for (ConfigNode line : n.children()) {
                    RouteLineParser.Parsed r = RouteLineParser.parse(line, c, d.name, false);
                    if (r != null) {
                        d.routes.add(r.route());
                    }
                }
            })
            .block("virtual_rules", (d, n, c) -> {
                for (ConfigNode line : n.children()) {
                    RuleLineParser.Parsed r = RuleLineParser.parse(line, c, d.name, d.owner.rulePreferences(), false);
                    if (r != null) {
                        d.rules.add(r.rule());
                    }
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
            .block("unicast_peer", VrrpInstanceParser::unicastPeers)
            .line("mcast_src_ip", (d, n, c) -> sourceIp(d, n, c, false))
            .line("unicast_src_ip", (d, n, c) -> sourceIp(d, n, c, true))
            .line("mcast_dst_ip", VrrpInstanceParser::mcastDst));

    private VrrpInstanceParser() {
    }

    private static void state(InstanceDraft d, ConfigNode n, ParseContext c) {
        String s = c.param(n, 0);
        if ("MASTER".equals(s)) {
            d.state = VrrpState.MASTER;
        } else if ("BACKUP".equals(s)) {
            if (d.state == VrrpState.MASTER) {
                c.error(n, d.name, "state previously set as MASTER - ignoring BACKUP");
            } else {
                d.state = VrrpState.BACKUP;
            }
        } else {
            c.warning(n, d.name, "unknown state '" + s + "', defaulting to BACKUP");
            d.state = VrrpState.BACKUP;
        }
    }

    private static void interfaceLine(InstanceDraft d, ConfigNode n, ParseContext c) {
        String name = c.param(n, 0);
        if (name.length() >= 16) {
            c.error(n, d.name, "Interface name '" + name + "' too long - ignoring");
            return;
        }
        if (!c.interfaceUsable(name)) {
            d.interfaceName = null;
            c.error(n, null, "WARNING - interface " + name + " for vrrp_instance " + d.name + " doesn't exist");
            return;
        }
        if (c.probe().isLoopback(name)) {
            c.error(n, d.name, "cannot use a loopback interface (" + name + ") for vrrp - ignoring");
            d.interfaceName = null;
            return;
        }
        d.interfaceName = name;
    }

    private static void addresses(InstanceDraft d, ConfigNode n, ParseContext c, boolean advertised) {
        for (ConfigNode line : n.children()) {
            AddressLineParser.Parsed p = AddressLineParser.parse(line, c, d.name, false);
            if (p == null) {
                continue;
            }
            if (!advertised) {
                d.excludedVips.add(p.vip());
            } else if (!d.adoptFamily(p.vip().address().ipv6())) {
                c.error(line, d.name, "address family must match VRRP instance [" + line.keyword() + "] - ignoring");
            } else {
                d.vips.add(p.vip());
            }
        }
    }

    private static void unicastPeers(InstanceDraft d, ConfigNode n, ParseContext c) {
        d.unicastConfigured = true;
        for (ConfigNode line : n.children()) {
            UnicastPeer peer = UnicastPeerLines.parse(line, c, d);
            if (peer != null) {
                d.peers.add(peer);
            }
        }
    }

    private static void sourceIp(InstanceDraft d, ConfigNode n, ParseContext c, boolean unicast) {
        if (unicast) {
            d.unicastConfigured = true;
        }
        String text = c.param(n, 0);
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            c.error(n, null, "Configuration error: VRRP instance[" + d.name + "] malformed src address[" + text
                    + "]. Skipping...");
            return;
        }
        if (!d.adoptFamily(a instanceof Inet6Address)) {
            c.error(n, null, "Configuration error: VRRP instance[" + d.name + "] and src address[" + text
                    + "] MUST be of the same family !!! Skipping...");
            d.sourceAddress = null;
            return;
        }
        d.sourceAddress = a;
        d.sourceIsUnicast = unicast;
    }

    private static void mcastDst(InstanceDraft d, ConfigNode n, ParseContext c) {
        String text = c.param(n, 0);
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            c.error(n, d.name, "malformed mcast dest address " + text + ". Skipping...");
            return;
        }
        if (!d.adoptFamily(a instanceof Inet6Address)) {
            c.error(n, d.name, "mcast dest address " + text + " MUST match VRRP instance family. Skipping...");
            return;
        }
        boolean v6 = a instanceof Inet6Address;
        if (v6 ? !a.isMCLinkLocal() : !a.isMulticastAddress()) {
            c.error(n, d.name, "mcast_dst_ip " + text + " not" + (v6 ? " link-local" : "") + " multicast. Skipping...");
            return;
        }
        d.mcastDst = a;
    }

    static long secondsMax() {
        return SECONDS_MAX;
    }
}
