package org.keepalived4j.config.vrrp;

import java.util.List;
import java.util.Set;
import org.keepalived4j.config.RuleConfig;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** One line of {@code virtual_rules} or {@code static_rules}, with {@code ip rule add} syntax. */
final class RuleLineParser {

    /** The preference keepalived counts down from for rules that give none. */
    static final int FIRST_ASSIGNED_PREFERENCE = 16384;

    private static final Set<String> VALUED = Set.of("tos", "dsfield", "fwmark", "realms", "suppress_prefixlength",
            "sup_pl", "suppress_ifgroup", "sup_group", "tunnel-id", "uidrange", "protocol", "ipproto", "sport",
            "dport", "type");
    private static final Set<String> ACTIONS = Set.of("table", "lookup", "goto", "nop", "blackhole", "prohibit",
            "unreachable", "l3mdev");

    /** A rule and the static track group it names. */
    record Parsed(RuleConfig rule, String trackGroup) {
    }

    /** Counts down the preferences keepalived assigns, separately per family. */
    static final class PreferenceCounter {
        private int nextV4 = FIRST_ASSIGNED_PREFERENCE;
        private int nextV6 = FIRST_ASSIGNED_PREFERENCE;

        int next(boolean ipv6) {
            return ipv6 ? nextV6-- : nextV4--;
        }
    }

    private RuleLineParser() {
    }

    /** The rule on this line, or {@code null} when keepalived drops it. */
    static Parsed parse(ConfigNode line, ParseContext ctx, String subject, PreferenceCounter counter,
            boolean allowTrackGroup) {
        List<String> w = line.words();
        Integer preference = null;
        boolean noTrack = false;
        boolean ipv6 = false;
        boolean action = false;
        String trackGroup = null;
        String device = null;
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            String next = i + 1 < w.size() ? w.get(i + 1) : null;
            switch (word) {
                case "inet" -> ipv6 = false;
                case "inet6" -> ipv6 = true;
                case "no_track" -> noTrack = true;
                case "from", "to" -> {
                    if (next == null || !"all".equals(next) && RouteLineParser.destination(next) == null) {
                        ctx.error(line, subject, "Invalid rule " + word + " address " + next);
                        return null;
                    }
                    ipv6 |= next.contains(":");
                    i++;
                }
                case "preference", "priority", "order" -> {
                    NumberReading.Result r = next == null ? NumberReading.Result.bad("missing")
                            : NumberReading.unsigned(next, 0, 0xFFFF_FFFFL);
                    if (!r.ok()) {
                        ctx.error(line, subject, "Invalid rule preference " + next + " specified");
                        return null;
                    }
                    preference = (int) r.value();
                    i++;
                }
                case "iif", "dev", "oif" -> {
                    if (next == null || !ctx.interfaceUsable(next)) {
                        ctx.error(line, subject, "WARNING - interface " + next + " for rule doesn't exist");
                        return null;
                    }
                    device = "oif".equals(word) ? device : next;
                    i++;
                }
                case "track_group" -> {
                    if (!allowTrackGroup || next == null) {
                        ctx.error(line, subject, "Unknown rule option " + word);
                        return null;
                    }
                    trackGroup = next;
                    i++;
                }
                default -> {
                    if (ACTIONS.contains(word)) {
                        if (action) {
                            ctx.error(line, subject, "Cannot specify more than one of "
                                    + "table/nop/goto/blackhole/prohibit/unreachable/l3mdev for rule");
                            return null;
                        }
                        action = true;
                        i += "table".equals(word) || "lookup".equals(word) || "goto".equals(word) ? 1 : 0;
                    } else if (VALUED.contains(word)) {
                        i++;
                    } else {
                        ctx.error(line, subject, "Unknown rule option " + word);
                        return null;
                    }
                }
            }
        }
        if (!action) {
            ctx.error(line, subject, "No action specified for rule - ignoring");
            return null;
        }
        if (trackGroup != null && device == null) {
            ctx.error(line, subject, "Static rule cannot have track_group if dev/iif not specified");
            trackGroup = null;
        }
        if (preference == null) {
            preference = counter.next(ipv6);
            ctx.warning(line, subject, "Rule has no preference specified - setting to " + preference
                    + ". This is probably not what you want.");
        }
        return new Parsed(new RuleConfig(w, preference, noTrack, line.location()), trackGroup);
    }
}
