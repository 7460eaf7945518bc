package org.keepalived4j.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faults on the wire: random loss of VRRP frames between the nodes (nftables in the bridge's
 * namespace, so the nodes' own captures see only what was delivered), and a third host on the
 * bridge flooding malformed and valid lower-priority adverts. Both end with accounting: the
 * keepalived4j nodes' counters against the frames the bridge counted.
 */
final class WireFaults {

    /** Bridge counters and the counters of every running keepalived4j node, read while no advert was in flight. */
    record Snapshot(Map<String, Long> wire, Map<String, Metrics> metrics) {
        long wire(String name) {
            return wire.getOrDefault(name, 0L);
        }
    }

    /** Each flood class and the counter of the receiving instance that must count it (none: counted nowhere). */
    static final Map<String, String> FLOOD_COUNTERS = flood();

    private static Map<String, String> flood() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("valid", "keepalived_advertisements_received_total");
        m.put("ttl", "keepalived_ip_ttl_errors_total");
        m.put("auth_invalid", "keepalived_authentication_invalid_total");
        m.put("auth_mismatch", "keepalived_authentication_mismatch_total");
        m.put("password", "keepalived_authentication_failure_total");
        // keepalived 2.2.7 drops these without counting: its advert_interval_err stays 0, ours apart
        m.put("interval", "keepalived_vrrp_advert_interval_mismatch_total");
        m.put("type", "keepalived_invalid_type_received_total");
        m.put("address_count", "keepalived_address_list_errors_total");
        m.put("length", "keepalived_packet_length_errors_total");
        m.put("version", null);
        m.put("checksum", null);
        m.put("vrid", null);
        return m;
    }

    private final FaultRig rig;
    private final FaultReport report;

    WireFaults(FaultRig rig) {
        this.rig = rig;
        this.report = rig.report();
    }

    /** Reads the bridge's counters and the daemons' twice around a quiet 300 ms; retries until nothing moved. */
    Snapshot quiet() {
        Snapshot last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            Map<String, Long> w1 = WireCounters.read(rig.bridgeNs());
            Map<String, Metrics> m1 = scrape();
            Lab.sleep(Duration.ofMillis(300));
            Map<String, Metrics> m2 = scrape();
            Map<String, Long> w2 = WireCounters.read(rig.bridgeNs());
            last = new Snapshot(w2, m2);
            boolean still = w1.equals(w2) && m1.keySet().equals(m2.keySet())
                    && m1.entrySet().stream().allMatch(e -> e.getValue().sameCounters(m2.get(e.getKey())));
            if (still) {
                return last;
            }
        }
        report.note("no quiet moment to read the counters in 40 tries");
        return last;
    }

    private Map<String, Metrics> scrape() {
        Map<String, Metrics> out = new LinkedHashMap<>();
        for (FaultNode n : rig.nodes()) {
            if (n.keepalived4j() && n.running()) {
                out.put(n.name(), Metrics.scrape(n.ns()));
            }
        }
        return out;
    }

    /** One VRRP frame in ten dropped at random in each of {@code directions} ("ab": A to B) for {@code seconds}. */
    void loss(List<String> directions, int seconds) {
        String label = "10 % loss " + String.join(" and ", directions.stream().map(d -> d.charAt(0) + "->" + d.charAt(1))
                .toList());
        rig.phase(label);
        Snapshot before = quiet();
        Nft.load(rig.bridgeNs(), WireCounters.lossRuleset(directions));
        report.fault("loss phase");
        Lab.sleep(Duration.ofSeconds(seconds));
        Lab.run("ip", "netns", "exec", rig.bridgeNs(), "nft", "flush", "chain", "bridge", WireCounters.LOSS_TABLE, "loss");
        Map<String, Long> drops = WireCounters.drops(rig.bridgeNs());
        Nft.deleteTable(rig.bridgeNs(), "bridge", WireCounters.LOSS_TABLE);
        long t = Timeline.now();
        rig.converge("end of " + label, t, FaultRig.BOUND_MICROS);
        // a daemon may still be reading what the bridge counted: look again a few times before calling it wrong
        Accounting result = null;
        for (int attempt = 0; attempt < 10 && (result == null || !result.wrong().isEmpty()); attempt++) {
            if (attempt > 0) {
                Lab.sleep(Duration.ofSeconds(1));
            }
            result = lossAccounting(label, before, quiet(), drops);
        }
        result.lines().forEach(report::accounting);
        result.wrong().forEach(report::violation);
        rig.checkLogs();
    }

    /** Accounting lines for the report, and what did not add up. */
    record Accounting(List<String> lines, List<String> wrong) {
    }

    /** Checks sent = forwarded (sender) and received = forwarded - dropped (receiver) per direction and VRID. */
    private Accounting lossAccounting(String label, Snapshot before, Snapshot after, Map<String, Long> drops) {
        List<String> wrong = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String d : List.of("ab", "ba")) {
            FaultNode from = d.charAt(0) == 'a' ? rig.a() : rig.b();
            FaultNode to = rig.other(from);
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                long forwarded = after.wire(d + i.vrid()) - before.wire(d + i.vrid());
                long dropped = drops.getOrDefault(d + i.vrid(), 0L);
                Long sent = delta(before, after, from, "keepalived_advertisements_sent_total", i.name());
                Long received = delta(before, after, to, "keepalived_advertisements_received_total", i.name());
                if (forwarded == 0 && (sent == null || sent == 0)) {
                    continue;
                }
                if (sent != null && sent != forwarded) {
                    wrong.add(String.format("%s: %s sent %d adverts of %s, the bridge forwarded %d", label, from.name(),
                            sent, i.name(), forwarded));
                }
                if (received != null && received != forwarded - dropped) {
                    wrong.add(String.format("%s: %s received %d adverts of %s, the bridge delivered %d (%d - %d dropped)",
                            label, to.name(), received, i.name(), forwarded - dropped, forwarded, dropped));
                }
                lines.add(String.format("%s, %s %s->%s: sent %s, forwarded %d, dropped %d (%.1f %%), received %s",
                        label, i.name(), from.name(), to.name(), sent == null ? "? (keepalived)" : sent, forwarded,
                        dropped, forwarded == 0 ? 0.0 : 100.0 * dropped / forwarded,
                        received == null ? "? (keepalived)" : received));
            }
        }
        return new Accounting(lines, wrong);
    }

    /** How much a keepalived4j node's counter moved between the snapshots; null for a keepalived node. */
    static Long delta(Snapshot before, Snapshot after, FaultNode node, String metric, String instance) {
        Metrics b = before.metrics().get(node.name());
        Metrics a = after.metrics().get(node.name());
        return b == null || a == null ? null : a.get(metric, instance) - b.get(metric, instance);
    }

    /**
     * A host on the bridge sends {@code perClass} packets of each {@link VrrpFlood} class at
     * {@code rate} per second. Every class must land in exactly its counter on each
     * keepalived4j node, nothing else may move, and no node may change state.
     */
    void flood(int perClass, int rate) {
        rig.phase("flood from a third host");
        Snapshot before = quiet();
        Map<String, Long> rawDropsBefore = rawDrops();
        long start = Timeline.now();
        Map<String, Long> sent = runFlood(perClass, rate);
        report.fault("flood (" + sent.values().stream().mapToLong(Long::longValue).sum() + " packets)");
        long end = Timeline.now();
        rig.converge("flood", end, FaultRig.BOUND_MICROS);
        Accounting result = null;
        for (int attempt = 0; attempt < 10 && (result == null || !result.wrong().isEmpty()); attempt++) {
            if (attempt > 0) {
                Lab.sleep(Duration.ofSeconds(1));
            }
            result = new FloodAccounting(rig, sent).check(before, quiet());
        }
        result.lines().forEach(report::accounting);
        result.wrong().forEach(report::violation);
        Map<String, Long> rawDropsAfter = rawDrops();
        rawDropsAfter.forEach((node, n) -> report.accounting(String.format(
                "flood: datagrams dropped by %s's raw sockets (receive buffer full): %d", node,
                n - rawDropsBefore.getOrDefault(node, 0L))));
        for (FaultNode n : rig.nodes()) {
            long changes = n.states().changes().stream().filter(c -> c.micros() >= start).count();
            if (changes > 0) {
                report.violation(String.format("%s (%s) changed state %d time(s) during or after the flood; its raw"
                        + " sockets dropped %d datagrams", n.name(), n.kind().name().toLowerCase(), changes,
                        rawDropsAfter.get(n.name()) - rawDropsBefore.getOrDefault(n.name(), 0L)));
            }
        }
        rig.checkLogs();
    }

    private Map<String, Long> runFlood(int perClass, int rate) {
        FaultRig.Instance vi1 = FaultRig.INSTANCES.get(0);
        String classpath = System.getProperty("keepalived4j.lib") + "/*:" + codeSource();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = Lab.run(Duration.ofSeconds(120 + 12L * perClass / rate), "ip", "netns", "exec", rig.flooderNs(),
                java, "-Xmx64m", "-cp", classpath, VrrpFlood.class.getName(), "dev=" + FaultNode.DEV,
                "source=" + FaultRig.FLOODER, "vrid=" + vi1.vrid(), "other_vrid=77", "vip=" + vi1.vip(),
                "password=" + FaultRig.PASSWORD, "priority=50", "count=" + perClass, "rate=" + rate);
        Map<String, Long> sent = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[0].equals("sent")) {
                sent.put(f[1], Long.parseLong(f[2]));
            } else if (f.length == 3 && f[0].equals("failed")) {
                report.note("flood: " + f[2] + " packets of class " + f[1] + " could not be sent");
            }
        }
        if (!sent.keySet().equals(FLOOD_COUNTERS.keySet())) {
            throw new IllegalStateException("the flood did not report every class: " + out);
        }
        return sent;
    }

    private static String codeSource() {
        try {
            return Path.of(VrrpFlood.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Datagrams the raw sockets of each node's namespace dropped so far (receive buffer full). */
    private Map<String, Long> rawDrops() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FaultNode n : rig.nodes()) {
            out.put(n.name(), Lab.rawSocketDrops(n.ns()));
        }
        return out;
    }
}
