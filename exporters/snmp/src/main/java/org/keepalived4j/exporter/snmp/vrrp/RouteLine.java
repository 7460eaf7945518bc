package org.keepalived4j.exporter.snmp.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code virtual_routes} line read the way keepalived's route parser reads it, for what its
 * SNMP tables show: destination, gateways, table, type, metrics and next hops. Encapsulations are
 * not read (their columns are not served).
 */
final class RouteLine {

    /** Route types (rtm_type) by keyword. */
    private static final Map<String, Integer> TYPES = Map.ofEntries(Map.entry("unicast", 1), Map.entry("local", 2),
            Map.entry("broadcast", 3), Map.entry("brd", 3), Map.entry("anycast", 4), Map.entry("multicast", 5),
            Map.entry("blackhole", 6), Map.entry("unreachable", 7), Map.entry("prohibit", 8), Map.entry("throw", 9),
            Map.entry("nat", 10), Map.entry("xresolve", 11));
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("none", 0),
            Map.entry("redirect", 1), Map.entry("kernel", 2), Map.entry("boot", 3), Map.entry("static", 4),
            Map.entry("gated", 8), Map.entry("ra", 9), Map.entry("mrt", 10), Map.entry("zebra", 11),
            Map.entry("bird", 12), Map.entry("dnrouted", 13), Map.entry("xorp", 14), Map.entry("ntk", 15),
            Map.entry("dhcp", 16), Map.entry("keepalived", 18), Map.entry("babel", 42));
    /** Metrics given as plain numbers; rtt, rttvar and rto_min are times (see {@link #rtt}). */
    private static final Set<String> NUMBERS = Set.of("mtu", "hoplimit", "advmss", "reordering", "window", "cwnd",
            "ssthresh", "initcwnd", "initrwnd", "expires", "quickack", "fastopen_no_cookie");
    private static final Map<String, Integer> RTT_UNITS = Map.of("rtt", 8, "rttvar", 4, "rto_min", 1);

    /** One {@code nexthop} of a multipath route. */
    record NextHop(String via, String device, Integer weight, boolean onlink, long realms) {
    }

    boolean ipv6;
    String destination;
    int type = 1;
    String via;
    String preferredSource;
    String from;
    Integer tos;
    long table = 254;
    Integer protocol;
    int scope;
    long metric;
    String device;
    boolean ecn;
    String congestionControl;
    Integer pref;
    long realms;
    boolean noTrack;
    final Map<String, Long> metrics = new HashMap<>();
    final Set<String> locked = new HashSet<>();
    final List<NextHop> nextHops = new ArrayList<>();

    static RouteLine parse(List<String> words) {
        RouteLine r = new RouteLine();
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            if (w.equals("nexthop")) {
                r.nextHops(words, i);
                break;
            }
            i = r.option(words, i, w) + 1;
        }
        if (!r.noTrack) {
            r.protocol = 18; // keepalived tracks its routes by their protocol, RTPROT_KEEPALIVED
        }
        return r;
    }

    /** Reads the option at {@code i}; returns the index of its last word. */
    private int option(List<String> words, int i, String w) {
        switch (w) {
            case "inet6" -> ipv6 = true;
            case "inet", "onlink", "add", "prepend", "append" -> {
                return i;
            }
            case "no_track" -> noTrack = true;
            case "src" -> preferredSource = at(words, ++i);
            case "via", "gw" -> {
                String a = at(words, ++i);
                if (a.equals("inet") || a.equals("inet6")) {
                    a = at(words, ++i);
                }
                via = a;
            }
            case "from" -> from = at(words, ++i);
            case "tos", "dsfield" -> tos = Numbers.decode(at(words, ++i), 0);
            case "table" -> table = RouteTables.tableNumber(at(words, ++i));
            case "protocol" -> protocol = PROTOCOLS.getOrDefault(at(words, ++i), Numbers.decode(at(words, i), 0));
            case "scope" -> scope = Scopes.linuxScope(at(words, ++i));
            case "metric", "priority", "preference" -> metric = Numbers.decodeLong(at(words, ++i), 0);
            case "dev", "oif" -> device = at(words, ++i);
            case "features" -> ecn |= at(words, ++i).equals("ecn");
            case "congctl" -> congestionControl = lockable(words, ++i, "congctl");
            case "pref" -> pref = prefValue(at(words, ++i));
            case "realms" -> realms = realms(at(words, ++i));
            case "encap", "as", "ttl-propagate", "track_group", "vrf" -> i = skipArgument(words, i, w);
            default -> i = metricOrDestination(words, i, w);
        }
        return i;
    }

    private int metricOrDestination(List<String> words, int i, String w) {
        if (NUMBERS.contains(w)) {
            metrics.put(w, Numbers.decodeLong(lockable(words, ++i, w), 0));
            return i + (locked.contains(w) ? 1 : 0);
        }
        if (RTT_UNITS.containsKey(w)) {
            metrics.put(w, rtt(lockable(words, ++i, w), RTT_UNITS.get(w)));
            return i + (locked.contains(w) ? 1 : 0);
        }
        int at = w.equals("to") ? i + 1 : i;
        Integer t = TYPES.get(at(words, at));
        if (t != null) {
            type = t;
            at++;
        }
        destination = at(words, at);
        if (destination.equals("default") || destination.equals("all") || destination.equals("any")) {
            destination = ipv6 ? "::/0" : "0.0.0.0/0";
        }
        return at;
    }

    /** The value after an optional {@code lock} word, which it records. */
    private String lockable(List<String> words, int i, String name) {
        if (at(words, i).equals("lock")) {
            locked.add(name);
            return at(words, i + 1);
        }
        return at(words, i);
    }

    private void nextHops(List<String> words, int i) {
        NextHop current = null;
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("nexthop")) {
                if (current != null) {
                    nextHops.add(current);
                }
                current = new NextHop(null, null, null, false, 0);
                continue;
            }
            NextHop c = current;
            current = switch (w) {
                case "via" -> new NextHop(at(words, ++i), c.device(), c.weight(), c.onlink(), c.realms());
                case "dev" -> new NextHop(c.via(), at(words, ++i), c.weight(), c.onlink(), c.realms());
                case "weight" -> new NextHop(c.via(), c.device(), Numbers.decode(at(words, ++i), 1), c.onlink(),
                        c.realms());
                case "onlink" -> new NextHop(c.via(), c.device(), c.weight(), true, c.realms());
                case "realms" -> new NextHop(c.via(), c.device(), c.weight(), c.onlink(), realms(at(words, ++i)));
                default -> c;
            };
        }
        if (current != null) {
            nextHops.add(current);
        }
    }

    /** Whether the line gave {@code name} (a metric, quickack, expires, fastopen_no_cookie). */
    boolean has(String name) {
        return metrics.containsKey(name);
    }

    long metricValue(String name) {
        return metrics.getOrDefault(name, 0L);
    }

    /**
     * A time as keepalived stores it: a bare number is already in the kernel's unit ({@code unit}
     * per millisecond), a number of {@code ms} or {@code s} is converted to it.
     */
    static long rtt(String text, int unit) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        double factor;
        if (t.endsWith("ms")) {
            factor = unit;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("secs") || t.endsWith("sec") || t.endsWith("s")) {
            factor = 1000.0 * unit;
            t = t.replaceAll("s(ec)?s?$", "");
        } else {
            factor = 1;
        }
        try {
            return (long) (Double.parseDouble(t) * factor);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RTA_PREF as keepalived stores it: low 3, medium 0, high 1, or the number given. */
    private static int prefValue(String text) {
        return switch (text) {
            case "low" -> 3;
            case "medium" -> 0;
            case "high" -> 1;
            default -> Numbers.decode(text, 0);
        };
    }

    /** {@code [SRC/]DST} as one value: the source realm in the high 16 bits. */
    static long realms(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Numbers.decodeLong(text, 0) & 0xFFFF;
        }
        return (Numbers.decodeLong(text.substring(0, slash), 0) & 0xFFFF) << 16
                | (Numbers.decodeLong(text.substring(slash + 1), 0) & 0xFFFF);
    }

    private static int skipArgument(List<String> words, int i, String w) {
        return w.equals("as") && at(words, i + 1).equals("to") ? i + 2 : i + 1;
    }

    private static String at(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
