package org.keepalived4j.config.vrrp;

import java.net.InetAddress;
import java.util.Set;
import org.keepalived4j.config.IpPrefix;
import org.keepalived4j.config.RouteConfig;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * One line of {@code virtual_routes} or {@code static_routes}, with {@code ip route add}
 * syntax (full option names only, as keepalived requires).
 */
final class RouteLineParser {

    /** Options followed by one value (metrics may put {@code lock} before it). */
    private static final Set<String> VALUED = Set.of("tos", "table", "protocol", "scope", "metric", "priority",
            "preference", "expires", "mtu", "hoplimit", "advmss", "rtt", "rttvar", "reordering", "window", "cwnd",
            "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features", "quickack", "congctl", "pref",
            "ttl-propagate", "fastopen_no_cookie", "vrf", "as");
    /** Route metrics that are times, in milliseconds as keepalived reads them. */
    private static final Set<String> TIMES = Set.of("rtt", "rttvar", "rto_min");
    private static final double MAX_TIME_MS = 960000;
    private static final Set<String> FLAGS = Set.of("onlink", "add", "append", "prepend", "inet", "inet6");
    private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "multicast", "throw",
            "unreachable", "prohibit", "blackhole", "nat");

    /** A route and the static track group it names. */
    record Parsed(RouteConfig route, String trackGroup) {
    }

    private RouteLineParser() {
    }

    /** The route on this line, or {@code null} when keepalived drops it. */
    static Parsed parse(ConfigNode line, ParseContext ctx, String subject, boolean allowTrackGroup) {
        java.util.List<String> w = line.words();
        String dest = null;
        IpPrefix destination = null;
        String device = null;
        String trackGroup = null;
        boolean noTrack = false;
        boolean hadOr = false;
        int i = 0;
        while (i < w.size()) {
            String word = w.get(i);
            if (FLAGS.contains(word) || TYPES.contains(word)) {
                i++;
            } else if ("no_track".equals(word)) {
                noTrack = true;
                i++;
            } else if ("nexthop".equals(word)) {
                return finishNexthops(line, ctx, subject, w, i, dest, destination, device, noTrack, trackGroup);
            } else if (word.equals("src") || word.equals("via") || word.equals("gw") || word.equals("from")
                    || word.equals("or")) {
                if ("gw".equals(word)) {
                    ctx.warning(line, subject, "\"gw\" for routes is deprecated. Please use \"via\"");
                }
                if ("or".equals(word)) {
                    ctx.warning(line, subject, "\"or\" for routes is deprecated. Please use \"nexthop\"");
                    if (hadOr) {
                        ctx.error(line, subject, "\"or\" route already specified - ignoring subsequent");
                    }
                    hadOr = true;
                }
                if (("via".equals(word) || "gw".equals(word)) && i + 2 < w.size()
                        && ("inet".equals(w.get(i + 1)) || "inet6".equals(w.get(i + 1)))) {
                    // ip-route's "via [FAMILY] ADDRESS": the family names the gateway's kind
                    boolean six = "inet6".equals(w.get(i + 1));
                    InetAddress gateway = IpLiterals.parse(w.get(i + 2));
                    if (gateway == null || (gateway instanceof java.net.Inet6Address) != six) {
                        ctx.error(line, subject, "invalid route via address " + w.get(i + 2));
                        return null;
                    }
                    if (six && "default".equals(dest)) {
                        destination = destination("default6");
                    }
                    i += 3;
                    continue;
                }
                String value = value(line, ctx, subject, w, i);
                if (value == null || !address(line, ctx, subject, word, value)) {
                    return null;
                }
                i += 2;
            } else if ("dev".equals(word) || "oif".equals(word)) {
                String value = value(line, ctx, subject, w, i);
                if (value == null) {
                    return null;
                }
                if (!ctx.interfaceUsable(value)) {
                    ctx.error(line, subject, "WARNING - interface " + value + " for VROUTE nexthop doesn't exist");
                    return null;
                }
                device = value;
                i += 2;
            } else if ("track_group".equals(word) && allowTrackGroup) {
                trackGroup = value(line, ctx, subject, w, i);
                i += 2;
            } else if (VALUED.contains(word)) {
                int at = "lock".equals(i + 1 < w.size() ? w.get(i + 1) : null) ? i + 2 : i + 1;
                if (TIMES.contains(word) && at < w.size()) {
                    checkTime(line, ctx, word, w.get(at));
                }
                i += "lock".equals(i + 1 < w.size() ? w.get(i + 1) : null) ? 3 : 2;
                if (i > w.size()) {
                    ctx.error(line, subject, "Route has trailing nonsense - " + word);
                    return null;
                }
            } else {
                String text = "to".equals(word) && i + 1 < w.size() ? w.get(++i) : word;
                IpPrefix p = destination(text);
                if (p == null) {
                    ctx.error(line, subject, "unknown route keyword " + text);
                    return null;
                }
                dest = text;
                destination = p;
                i++;
            }
        }
        return finish(line, ctx, subject, w, dest, destination, device, noTrack, trackGroup);
    }

    private static Parsed finishNexthops(ConfigNode line, ParseContext ctx, String subject, java.util.List<String> w,
            int from, String dest, IpPrefix destination, String device, boolean noTrack, String trackGroup) {
        for (int i = from; i < w.size(); i++) {
            if ("dev".equals(w.get(i)) && i + 1 < w.size() && !ctx.interfaceUsable(w.get(i + 1))) {
                ctx.error(line, subject, "WARNING - interface " + w.get(i + 1) + " for VROUTE nexthop doesn't exist");
                return null;
            }
            if ("via".equals(w.get(i)) && i + 1 < w.size() && IpLiterals.parse(w.get(i + 1)) == null) {
                ctx.error(line, subject, "invalid nexthop address " + w.get(i + 1));
                return null;
            }
        }
        return finish(line, ctx, subject, w, dest, destination, device, noTrack, trackGroup);
    }

    private static Parsed finish(ConfigNode line, ParseContext ctx, String subject, java.util.List<String> w,
            String dest, IpPrefix destination, String device, boolean noTrack, String trackGroup) {
        if (destination == null) {
            ctx.error(line, subject, "Route must have a destination");
            return null;
        }
        boolean dontTrack = noTrack;
        if (!dontTrack && device == null) {
            ctx.warning(line, subject, "cannot track route " + dest + " with no interface specified, not tracking");
            dontTrack = true;
        }
        int protocol = w.indexOf("protocol");
        if (!dontTrack && protocol >= 0 && protocol + 1 < w.size()
                && !"keepalived".equals(w.get(protocol + 1)) && !"18".equals(w.get(protocol + 1))) {
            ctx.warning(line, null, "Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting"
                    + " protocol");
        }
        String group = trackGroup;
        if (group != null && device == null) {
            ctx.error(line, subject, "Static route cannot have track group if no oif specified");
            group = null;
        }
        return new Parsed(new RouteConfig(w, destination, device, dontTrack, line.location()), group);
    }

    private static void checkTime(ConfigNode line, ParseContext ctx, String metric, String value) {
        double ms;
        try {
            ms = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms < 0 || ms > MAX_TIME_MS) {
            ctx.error(line, null, "number '" + value + "' outside range [0., 960000.]");
            ctx.error(line, null, "Invalid " + metric + " " + value + " for route");
        }
    }

    private static String value(ConfigNode line, ParseContext ctx, String subject, java.util.List<String> w, int i) {
        if (i + 1 >= w.size()) {
            ctx.error(line, subject, "Route has trailing nonsense - " + w.get(i));
            return null;
        }
        return w.get(i + 1);
    }

    private static boolean address(ConfigNode line, ParseContext ctx, String subject, String option, String value) {
        String text = "src".equals(option) || "from".equals(option) ? value.replaceFirst("/.*$", "") : value;
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            String what = switch (option) {
                case "src" -> "invalid route src address " + value;
                case "from" -> "invalid route from address " + value;
                case "or" -> "Invalid \"or\" address " + value;
                default -> "invalid route via address " + value;
            };
            ctx.error(line, subject, what);
            return false;
        }
        return true;
    }

    /** {@code default}, {@code ADDRESS} or {@code ADDRESS/LEN}. */
    static IpPrefix destination(String text) {
        if ("default".equals(text) || "default4".equals(text)) {
            return new IpPrefix(IpLiterals.parse("0.0.0.0"), 0);
        }
        if ("default6".equals(text)) {
            return new IpPrefix(IpLiterals.parse("::"), 0);
        }
        int slash = text.indexOf('/');
        InetAddress a = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash));
        if (a == null) {
            return null;
        }
        int max = a instanceof java.net.Inet6Address ? 128 : 32;
        if (slash < 0) {
            return new IpPrefix(a, max);
        }
        NumberReading.Result len = NumberReading.unsigned(text.substring(slash + 1), 0, max);
        return len.ok() ? new IpPrefix(a, (int) len.value()) : null;
    }
}
