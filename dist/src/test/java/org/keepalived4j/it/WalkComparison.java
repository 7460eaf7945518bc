package org.keepalived4j.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.keepalived4j.it.SnmpPeers.Varbind;

/**
 * Two SNMP walks of the same configuration compared object by object, each first made
 * independent of its host: interface indexes (in the RFC tables' indexes and in
 * KEEPALIVED-MIB's ifIndex columns) become the interfaces' names. Objects whose value depends on
 * when one walks (up times, advertisement counters) compare by type only. Every other difference
 * must be one of the named rules the comparison is given, or it is unexplained.
 */
final class WalkComparison {

    /** How the two sides of an accepted difference differ. */
    enum Shape {
        /** Both serve the object, with different values. */
        VALUE,
        /** Only the right-hand side serves the object. */
        ONLY_RIGHT,
        /** Only the left-hand side serves the object. */
        ONLY_LEFT
    }

    /**
     * A reason objects may differ, the objects it concerns, how they differ, and (for
     * {@link Shape#VALUE}) which pairs of values it explains.
     */
    record Rule(String name, Predicate<String> concerns, Shape shape, BiPredicate<String, String> values) {

        /** Objects both sides serve, with whatever values. */
        Rule(String name, Predicate<String> concerns) {
            this(name, concerns, Shape.VALUE, (left, right) -> true);
        }

        /** Objects only one side serves. */
        Rule(String name, Predicate<String> concerns, Shape shape) {
            this(name, concerns, shape, (left, right) -> true);
        }

        boolean explains(String oid, Varbind left, Varbind right) {
            Shape actual = left == null ? Shape.ONLY_RIGHT : right == null ? Shape.ONLY_LEFT : Shape.VALUE;
            return actual == shape && concerns.test(oid)
                    && (actual != Shape.VALUE || values.test(left.value(), right.value()));
        }
    }

    /** Objects whose value depends on when the walk happens: compared by type only. */
    static final List<Rule> TIMING = List.of(
            new Rule("vrrpOperVirtualRouterUpTime", under("1.3.6.1.2.1.68.1.3.1.13")),
            new Rule("vrrpStatsAdvertiseRcvd", under("1.3.6.1.2.1.68.2.4.1.2")),
            new Rule("vrrpv3OperationsUpTime", under("1.3.6.1.2.1.207.1.1.1.1.12")),
            new Rule("vrrpv3StatisticsRcvdAdvertisements", under("1.3.6.1.2.1.207.1.2.5.1.3")));

    /** Tables indexed by ifIndex first: VRRP-MIB's vrrpOperEntry, vrrpAssoIpAddrEntry, vrrpRouterStatsEntry and VRRPv3-MIB's three. */
    private static final List<String> IF_INDEXED = List.of("1.3.6.1.2.1.68.1.3.1.", "1.3.6.1.2.1.68.1.4.1.",
            "1.3.6.1.2.1.68.2.4.1.", "1.3.6.1.2.1.207.1.1.1.1.", "1.3.6.1.2.1.207.1.1.2.1.",
            "1.3.6.1.2.1.207.1.2.5.1.");
    /** KEEPALIVED-MIB's columns holding an ifIndex: vrrpAddressIfIndex, vrrpRouteIfIndex, vrrpRouteNextHopIfIndex. */
    private static final List<String> IF_VALUES = List.of("1.3.6.1.4.1.9586.100.5.2.6.1.7.",
            "1.3.6.1.4.1.9586.100.5.2.7.1.11.", "1.3.6.1.4.1.9586.100.5.2.11.1.4.");

    /** One side of a comparison: what it is called, its objects, and its interfaces by ifIndex. */
    record Side(String name, List<Varbind> walk, Map<Integer, String> interfaces) {
    }

    /**
     * The comparison: how many objects each side has, the accepted differences found (by rule,
     * with a count) and a readable line for every difference nothing explains.
     */
    record Result(int left, int right, Map<String, Integer> accepted, List<String> unexplained, String report) {
    }

    private WalkComparison() {
    }

    /** A rule for every OID under {@code prefix} (numeric, without the leading dot). */
    static Predicate<String> under(String prefix) {
        return oid -> (oid + ".").startsWith(prefix + ".");
    }

    /** The interfaces of {@code ns} by ifIndex, from {@code ip -o link show}. */
    static Map<Integer, String> interfaces(String ns) {
        Map<Integer, String> out = new HashMap<>();
        for (String line : Lab.run("ip", "-n", ns, "-o", "link", "show").lines().toList()) {
            String[] f = line.split(":\\s+", 3);
            out.put(Integer.parseInt(f[0].strip()), f[1].replaceFirst("@.*", ""));
        }
        return out;
    }

    static Result compare(Side left, Side right, List<Rule> accepted) {
        Map<String, Varbind> l = normalised(left);
        Map<String, Varbind> r = normalised(right);
        Set<String> oids = new LinkedHashSet<>(l.keySet());
        oids.addAll(r.keySet());
        Map<String, Integer> found = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String oid : oids) {
            Varbind a = l.get(oid);
            Varbind b = r.get(oid);
            if (same(oid, a, b)) {
                continue;
            }
            String line = oid + "\n      " + left.name() + ": " + text(a) + "\n      " + right.name() + ": " + text(b);
            Rule rule = accepted.stream().filter(x -> x.explains(stripIfNames(oid), a, b)).findFirst().orElse(null);
            if (rule == null) {
                unexplained.add(line);
                report.append("  UNEXPLAINED ").append(line).append('\n');
            } else {
                found.merge(rule.name(), 1, Integer::sum);
                report.append("  accepted (").append(rule.name()).append(") ").append(line).append('\n');
            }
        }
        return new Result(l.size(), r.size(), found, unexplained, report.toString());
    }

    private static boolean same(String oid, Varbind a, Varbind b) {
        if (a == null || b == null || !a.type().equals(b.type())) {
            return false;
        }
        return a.value().equals(b.value()) || TIMING.stream().anyMatch(t -> t.concerns().test(stripIfNames(oid)));
    }

    private static String text(Varbind v) {
        return v == null ? "(absent)" : (v.type().isEmpty() ? "" : v.type() + ": ") + v.value();
    }

    /** The walk keyed by OID (without the leading dot), ifIndex values and index parts replaced by {@code if:NAME}. */
    static Map<String, Varbind> normalised(Side side) {
        Map<String, Varbind> out = new LinkedHashMap<>();
        for (Varbind v : side.walk()) {
            String oid = v.oid().substring(1);
            for (String entry : IF_INDEXED) {
                if (oid.startsWith(entry)) {
                    String[] rest = oid.substring(entry.length()).split("\\.", 3);
                    if (rest.length >= 2) {
                        oid = entry + rest[0] + ".if:" + name(side, rest[1]) + (rest.length == 3 ? "." + rest[2] : "");
                    }
                }
            }
            String value = v.value();
            for (String column : IF_VALUES) {
                if (oid.startsWith(column) && v.type().equals("INTEGER")) {
                    value = "if:" + name(side, value);
                }
            }
            out.put(oid, new Varbind("." + oid, v.type(), value));
        }
        return out;
    }

    private static String name(Side side, String ifIndex) {
        try {
            return side.interfaces().getOrDefault(Integer.parseInt(ifIndex), "unknown-" + ifIndex);
        } catch (NumberFormatException e) {
            return ifIndex;
        }
    }

    /** The OID with interface names put back as one arc, so that rules can match by column. */
    private static String stripIfNames(String oid) {
        return oid.replaceAll("if:[^.]+", "0");
    }
}
