package org.keepalived4j.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VRRP frames the rig's bridge forwards, counted by nftables in the bridge's namespace:
 * per direction between the nodes (a to b, b to a) and VRID, and from the flooder to each node.
 * A second table drops a share of the frames between the nodes, counting what it drops.
 */
final class WireCounters {

    /** Bridge port of each namespace on the bridge. */
    static final Map<String, String> PORTS = Map.of("a", "pa", "b", "pb", "f", "pf");
    private static final List<String> DIRECTIONS = List.of("ab", "ba");
    private static final String TABLE = "kfscount";
    static final String LOSS_TABLE = "kfsloss";

    private WireCounters() {
    }

    /** Counters: {@code ab51} (a to b, VRID 51), ..., {@code fa}, {@code fb} (every VRRP frame of the flooder). */
    static String ruleset() {
        StringBuilder counters = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        for (String d : DIRECTIONS) {
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                String name = d + i.vrid();
                counters.append("  counter ").append(name).append(" { }\n");
                rules.append(match(d)).append(" @nh,168,8 ").append(i.vrid()).append(" counter name \"").append(name)
                        .append("\"\n");
            }
        }
        for (String d : List.of("fa", "fb")) {
            counters.append("  counter ").append(d).append(" { }\n");
            rules.append(match(d)).append(" counter name \"").append(d).append("\"\n");
        }
        return "table bridge " + TABLE + " {\n" + counters + "  chain count {\n"
                + "    type filter hook forward priority -10; policy accept;\n" + rules + "  }\n}\n";
    }

    /** Drops one VRRP frame in ten (at random) in each of {@code directions} ("ab", "ba"), counted per VRID as {@code dab51}... */
    static String lossRuleset(List<String> directions) {
        StringBuilder counters = new StringBuilder();
        StringBuilder rules = new StringBuilder();
        for (String d : directions) {
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                String name = "d" + d + i.vrid();
                counters.append("  counter ").append(name).append(" { }\n");
                rules.append(match(d)).append(" @nh,168,8 ").append(i.vrid())
                        .append(" numgen random mod 10 < 1 counter name \"").append(name).append("\" drop\n");
            }
        }
        return "table bridge " + LOSS_TABLE + " {\n" + counters + "  chain loss {\n"
                + "    type filter hook forward priority 0; policy accept;\n" + rules + "  }\n}\n";
    }

    private static String match(String direction) {
        return "    iifname \"" + PORTS.get(direction.substring(0, 1)) + "\" oifname \""
                + PORTS.get(direction.substring(1)) + "\" ip protocol vrrp";
    }

    /** Every counter of the count table now ({@code ab51}..., {@code fa}, {@code fb}). */
    static Map<String, Long> read(String bridgeNs) {
        return Nft.counters(bridgeNs, "bridge", TABLE);
    }

    /** The drop counters of the loss table, named after the direction and VRID they drop ({@code ab51}...). */
    static Map<String, Long> drops(String bridgeNs) {
        Map<String, Long> out = new LinkedHashMap<>();
        Nft.counters(bridgeNs, "bridge", LOSS_TABLE).forEach((k, v) -> out.put(k.substring(1), v));
        return out;
    }
}
