package org.keepalived4j.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * SIGHUP storms on the keepalived4j nodes: reloads in quick succession of valid files (the
 * same, or every priority 10 lower, which elects the same masters) and of broken ones (an
 * address cut to {@code 10.}, a stray {@code }}, random garbage). A broken file must leave the
 * running configuration in place; nothing in the storm may change who is MASTER. Then a reload
 * that does hand an instance over, and back.
 */
final class ReloadFaults {

    /** The kinds of file one storm round reloads, in order; the round ends on the valid original. */
    static final List<String> ROUND = List.of("priority", "truncated address", "unchanged", "stray brace",
            "priority", "garbage", "truncated address", "unchanged");

    private final FaultRig rig;
    private final FaultReport report;
    private final Random random = new Random(13);

    ReloadFaults(FaultRig rig) {
        this.rig = rig;
        this.report = rig.report();
    }

    /** The file of one kind for {@code node}, from its current (valid) configuration. */
    String file(FaultNode node, String kind) {
        String valid = node.config();
        return switch (kind) {
            case "unchanged" -> valid;
            case "priority" -> lowered(node);
            case "truncated address" -> valid.replaceFirst("10\\.61\\.0\\.100/24", "10.");
            case "stray brace" -> valid.replaceFirst("(    priority \\d+\n)", "$1}\n");
            case "garbage" -> garbage();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The node's file with every priority 10 lower; the node keeps its own priorities. */
    private static String lowered(FaultNode node) {
        java.util.Map<String, Integer> saved = new java.util.HashMap<>();
        for (FaultRig.Instance i : FaultRig.INSTANCES) {
            saved.put(i.name(), node.priority(i.name()));
            node.priority(i.name(), node.priority(i.name()) - 10);
        }
        String text = node.config();
        saved.forEach(node::priority);
        return text;
    }

    private String garbage() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz_0123456789 {}\"#!\\.\n\t";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 2000; k++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** {@code rounds} rounds of {@link #ROUND} on every keepalived4j node, 20-200 ms apart. */
    void storm(int rounds) throws IOException {
        rig.phase("SIGHUP storm");
        List<FaultNode> targets = rig.nodes().stream().filter(FaultNode::keepalived4j).toList();
        java.util.Map<String, Metrics> before = new java.util.LinkedHashMap<>();
        for (FaultNode n : targets) {
            before.put(n.name(), Metrics.scrape(n.ns()));
        }
        long start = Timeline.now();
        int broken = 0;
        for (int r = 0; r < rounds; r++) {
            for (String kind : ROUND) {
                for (FaultNode n : targets) {
                    n.reload(file(n, kind));
                    report.fault("SIGHUP (" + kind + ")");
                    broken += kind.equals("unchanged") || kind.equals("priority") ? 0 : 1;
                    Lab.sleep(Duration.ofMillis(20 + random.nextInt(180)));
                }
            }
        }
        long end = Timeline.now();
        // a master that stopped advertising (or lost its VIP) shows within Master_Down_Interval
        Lab.sleep(Duration.ofMillis((FaultRig.masterDown(100) + 2_000_000) / 1000));
        for (FaultNode n : rig.nodes()) {
            long changes = n.states().changes().stream().filter(c -> c.micros() >= start).count();
            if (changes > 0) {
                report.violation(n.name() + " changed state " + changes + " time(s) in the SIGHUP storm ("
                        + n.states().changes().stream().filter(c -> c.micros() >= start)
                                .map(c -> c.instance() + " " + c.state()).toList() + ")");
            }
        }
        rig.converge("SIGHUP storm", end, FaultRig.BOUND_MICROS);
        for (FaultNode n : targets) {
            Metrics after = Metrics.scrape(n.ns());
            long reloads = after.get("keepalived_config_reloads_total") - before.get(n.name()).get("keepalived_config_reloads_total");
            report.accounting(String.format("SIGHUP storm: %s got %d SIGHUPs (%d with a broken file), reloaded %d time(s)",
                    n.name(), rounds * ROUND.size(), broken / targets.size(), reloads));
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                long priority = after.get("keepalived_vrrp_priority", i.name());
                if (priority != n.priority(i.name())) {
                    report.violation(n.name() + " runs " + i.name() + " at priority " + priority + " after the storm"
                            + " ended on a file with " + n.priority(i.name()));
                }
            }
            FaultNode peer = rig.other(n);
            if (peer.keepalived4j() && peer.running()) {
                long errors = Metrics.scrape(peer.ns()).get("keepalived_address_list_errors_total")
                        - before.get(peer.name()).get("keepalived_address_list_errors_total");
                if (errors > 0) {
                    report.violation(peer.name() + " counted " + errors + " adverts with a wrong address list in the"
                            + " storm: a master advertised without its VIP");
                } else if (errors < 0) {
                    report.violation(peer.name() + "'s address list error counter went back by " + -errors
                            + " in the storm: a reload recreated its instances (their counters restarted at 0)");
                }
            }
        }
        rig.checkLogs();
    }

    /** A's VI_1 priority reloaded to 50 (below B's): B takes VI_1 over; a broken reload keeps it so; 150 again: A preempts. */
    void priorityHandover() throws IOException {
        rig.phase("SIGHUP: priority handover");
        FaultNode a = rig.a();
        FaultRig.Instance vi1 = FaultRig.INSTANCES.get(0);
        a.priority(vi1.name(), 50);
        long t = Timeline.now();
        a.reload(a.config());
        report.fault("SIGHUP (priority handover)");
        rig.converge("reload lowering the master's priority", t, FaultRig.BOUND_MICROS);
        rig.takeover("reload lowering the master's priority", vi1, null, rig.b(), t);
        t = Timeline.now();
        a.reload(file(a, "truncated address"));
        report.fault("SIGHUP (truncated address)");
        // long enough for a BACKUP that lost its VIP list to take over (it rejects the master's adverts)
        Lab.sleep(Duration.ofMillis((FaultRig.masterDown(50) + 1_500_000) / 1000));
        rig.converge("broken reload after the handover", t, FaultRig.BOUND_MICROS);
        a.priority(vi1.name(), 150);
        t = Timeline.now();
        a.reload(a.config());
        report.fault("SIGHUP (priority handover)");
        rig.converge("reload raising the priority again", t, FaultRig.BOUND_MICROS);
        rig.takeover("reload raising the priority again (preemption)", vi1, null, a, t);
        rig.checkLogs();
    }
}
