package org.keepalived4j.exporter.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * One {@code route { ... }} of {@code keepalived4j_alerts}: which alerts go to which sinks, and
 * how repeats and bursts are held back on the way. A sink named by no route gets every alert it
 * wants, as keepalived would send it; a sink named by routes gets only what one of them lets
 * through, the first route matching an alert deciding how it is held back.
 *
 * <pre>
 * route {
 *     sink email webhook-ops       # required: the sinks (as named in their MBeans)
 *     kind vrrp_instance sync_group  # vrrp_instance, sync_group, real_server, virtual_server (default all)
 *     state MASTER FAULT           # the state entered (default all)
 *     name VI_1 VI_2               # instance, group, virtual or real server as keepalived writes it
 *     virtual_server [10.0.0.1]:tcp:80   # the alerts of one virtual server and its real servers
 *     dedupe 300                   # seconds: the same change of the same object again within it is not sent
 *     flap_damping 5 60            # over 5 alerts for one object within 60 s: the rest in one summary
 *     rate_limit 20 60             # over 20 alerts within 60 s to a sink: the rest in one summary
 * }
 * </pre>
 *
 * @param sinks the sinks this route feeds
 * @param kinds the kinds it lets through (empty: every kind)
 * @param states the states entered it lets through, upper case (empty: every state)
 * @param names the objects it lets through (empty: every object)
 * @param virtualServers the virtual servers whose alerts it lets through (empty: all)
 * @param dedupe how long an identical repeat is held back ({@link Duration#ZERO}: never)
 * @param flapCount alerts per object let through within {@code flapWindow} (0: no damping)
 * @param flapWindow the damping window
 * @param rateCount alerts per sink let through within {@code rateWindow} (0: no limit)
 * @param rateWindow the rate limit's window
 * @param source where the route was written
 */
record AlertRoute(Set<String> sinks, Set<Alert.Kind> kinds, Set<String> states, Set<String> names,
        Set<String> virtualServers, Duration dedupe, int flapCount, Duration flapWindow, int rateCount,
        Duration rateWindow, String source) {

    private static final Set<String> KEYWORDS = Set.of("sink", "kind", "state", "name", "virtual_server", "dedupe",
            "flap_damping", "rate_limit");

    /** Whether this route lets the alert through. */
    boolean matches(Alert alert) {
        return (kinds.isEmpty() || kinds.contains(alert.kind()))
                && (states.isEmpty() || states.contains(alert.to().toUpperCase(Locale.ROOT)))
                && (names.isEmpty() || names.contains(alert.name()))
                && (virtualServers.isEmpty() || virtualServers.contains(alert.labels().get("virtual_server")));
    }

    /** The routes of the alerts block, each checked; a route without a sink is reported and left out. */
    static List<AlertRoute> parse(Settings block, List<String> problems) {
        List<AlertRoute> routes = new ArrayList<>();
        for (Setting line : block.all("route")) {
            if (line.block() == null) {
                continue; // AlertsSettings reports a route without a block
            }
            AlertRoute route = parseOne(line.block(), line.source(), problems);
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private static AlertRoute parseOne(Settings b, String source, List<String> problems) {
        for (Setting s : b.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in route");
            }
        }
        Set<String> sinks = words(b, "sink", false);
        if (sinks.isEmpty()) {
            problems.add(source + ": a route needs 'sink NAME...': it is left out");
            return null;
        }
        Set<Alert.Kind> kinds = new LinkedHashSet<>();
        for (Setting s : b.all("kind")) {
            for (String k : s.args()) {
                try {
                    kinds.add(Alert.Kind.valueOf(k.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(s.source() + ": unknown kind '" + k
                            + "' (vrrp_instance, sync_group, real_server or virtual_server)");
                }
            }
        }
        Duration dedupe = b.seconds("dedupe", Duration.ZERO, Duration.ZERO, Duration.ofDays(1), problems);
        int[] flap = countAndWindow(b, "flap_damping", problems);
        int[] rate = countAndWindow(b, "rate_limit", problems);
        return new AlertRoute(sinks, kinds, words(b, "state", true), words(b, "name", false),
                words(b, "virtual_server", false), dedupe, flap[0], Duration.ofSeconds(flap[1]), rate[0],
                Duration.ofSeconds(rate[1]), source);
    }

    private static Set<String> words(Settings b, String keyword, boolean upper) {
        Set<String> out = new LinkedHashSet<>();
        for (Setting s : b.all(keyword)) {
            for (String w : s.args()) {
                out.add(upper ? w.toUpperCase(Locale.ROOT) : w);
            }
        }
        return out;
    }

    /** {@code keyword COUNT SECONDS}: both positive; {0, 0} when absent or wrong (reported). */
    private static int[] countAndWindow(Settings b, String keyword, List<String> problems) {
        var line = b.last(keyword);
        if (line.isEmpty()) {
            return new int[] {0, 0};
        }
        List<String> args = line.get().args();
        try {
            if (args.size() == 2) {
                int count = Integer.parseInt(args.get(0));
                int seconds = Integer.parseInt(args.get(1));
                if (count >= 1 && seconds >= 1 && seconds <= 86_400) {
                    return new int[] {count, seconds};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(line.get().source() + ": " + keyword + " needs COUNT SECONDS (at least 1 each, at most a day),"
                + " got '" + String.join(" ", args) + "': ignored");
        return new int[] {0, 0};
    }
}
