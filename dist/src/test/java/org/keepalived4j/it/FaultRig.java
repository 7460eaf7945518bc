package org.keepalived4j.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Two VRRP nodes, A (always keepalived4j) and B (keepalived4j or keepalived 2.2.7), each in its
 * own namespace, joined through a bridge in a third one (so that one node's link can fail
 * alone), with a fourth namespace on the bridge for a flooding peer. Two VRRPv2 instances with
 * opposite priorities, so that each node is MASTER of one and BACKUP of the other and every
 * fault on a node hits a master and a backup at once:
 *
 * <pre>
 *   VI_1  VRID 51  VIP 10.61.0.100   A 150 (MASTER)   B 100
 *   VI_2  VRID 52  VIP 10.61.0.101   A 100            B 150 (MASTER)
 * </pre>
 *
 * advert_int 1 s, PASS authentication. Master_Down_Interval: 3.414 s at priority 150, 3.609 s
 * at 100. The rig observes each node (VIP changes, adverts, reported states), counts the
 * frames the bridge forwards, and checks convergence; {@link FaultScenarios} injects the faults.
 */
final class FaultRig implements AutoCloseable {

    /** One VRRP instance of the rig. */
    record Instance(String name, int vrid, String vip) {
    }

    static final List<Instance> INSTANCES = List.of(new Instance("VI_1", 51, "10.61.0.100"),
            new Instance("VI_2", 52, "10.61.0.101"));
    static final long ADVERT_MICROS = 1_000_000;
    static final String PASSWORD = "k4jfault";
    static final String FLOODER = "10.61.0.3";
    /** How long past Master_Down_Interval a fault may take to settle: generous for two loaded cores. */
    static final long BOUND_MICROS = 5_000_000;
    /** The same after a daemon is (re)started: its start-up (a JVM's, on a loaded machine) comes first. */
    static final long RESTART_BOUND_MICROS = 15_000_000;
    /** A VIP may be added this long before the daemon's notify FIFO reports MASTER (the line is read after). */
    static final long NOTIFY_GRACE_MICROS = 2_000_000;
    /** ip monitor may see a VIP's removal this long after the node reported leaving MASTER (it stamps what it reads). */
    static final long REMOVAL_GRACE_MICROS = 500_000;

    private static final Pattern TROUBLE = Pattern.compile("Exception|loop step failed|^\\s+at [\\w.$]+\\(|java\\.lang\\.\\w+Error");

    private final Lab lab;
    private final String bridgeNs;
    private final String flooderNs;
    private final FaultNode a;
    private final FaultNode b;
    private final FaultReport report;
    private final Path dir;

    FaultRig(String prefix, Path dir, Node.Kind kindB, FaultReport report) {
        this.report = report;
        this.dir = dir;
        lab = new Lab(prefix);
        FaultNode na = null;
        FaultNode nb = null;
        try {
            bridgeNs = lab.namespace("br");
            String nsA = lab.namespace("a");
            String nsB = lab.namespace("b");
            flooderNs = lab.namespace("f");
            lab.bridge(bridgeNs, "br0");
            lab.attach(nsA, FaultNode.DEV, "10.61.0.1/24", bridgeNs, "br0", "pa");
            lab.attach(nsB, FaultNode.DEV, "10.61.0.2/24", bridgeNs, "br0", "pb");
            lab.attach(flooderNs, FaultNode.DEV, FLOODER + "/24", bridgeNs, "br0", "pf");
            Nft.load(bridgeNs, WireCounters.ruleset());
            na = new FaultNode("a", Node.Kind.KEEPALIVED4J, nsA, "10.61.0.1", dir, FLOODER, FaultRig::config);
            na.priority("VI_1", 150);
            na.priority("VI_2", 100);
            nb = new FaultNode("b", kindB, nsB, "10.61.0.2", dir, FLOODER, FaultRig::config);
            nb.priority("VI_1", 100);
            nb.priority("VI_2", 150);
        } catch (RuntimeException e) {
            if (na != null) {
                na.close();
            }
            lab.close();
            throw e;
        }
        a = na;
        b = nb;
    }

    /** The node's keepalived.conf: the same for keepalived and keepalived4j, its own priorities. */
    static String config(FaultNode node) {
        VrrpConfig c = VrrpConfig.node().global("enable_script_security").global("script_user root");
        for (String line : node.states().globalLines()) {
            c.global(line);
        }
        for (Instance i : INSTANCES) {
            List<String> extra = new ArrayList<>(List.of(VrrpConfig.pass(PASSWORD)));
            // room for a whole flood while the daemon is held up: every packet must reach the counters
            extra.add("kernel_rx_buf_size 16777216");
            c.instance(i.name(), FaultNode.DEV, i.vrid(), node.priority(i.name()), i.vip(), extra.toArray(String[]::new));
        }
        return c.text().replace("router_id it", "router_id fault-" + node.name());
    }

    FaultNode a() {
        return a;
    }

    FaultNode b() {
        return b;
    }

    List<FaultNode> nodes() {
        return List.of(a, b);
    }

    FaultNode other(FaultNode n) {
        return n == a ? b : a;
    }

    FaultReport report() {
        return report;
    }

    Path dir() {
        return dir;
    }

    String bridgeNs() {
        return bridgeNs;
    }

    String flooderNs() {
        return flooderNs;
    }

    static long masterDown(int priority) {
        return Timeline.masterDownMicros(ADVERT_MICROS, priority);
    }

    /**
     * Ends the current phase and starts the next: the datagrams each node's raw sockets dropped
     * in the phase (receive buffer full) go into the report, as they explain adverts a daemon
     * never saw although its interface did.
     */
    void phase(String name) {
        for (FaultNode n : nodes()) {
            long drops = Lab.rawSocketDrops(n.ns());
            report.socketDrops(n.name(), drops - dropsSoFar.getOrDefault(n.name(), 0L));
            dropsSoFar.put(n.name(), drops);
        }
        report.phase(name);
    }

    private final java.util.Map<String, Long> dropsSoFar = new java.util.HashMap<>();

    /** The node that should be MASTER of {@code i}: the highest priority among running nodes with their link up. */
    FaultNode expectedMaster(Instance i) {
        FaultNode best = null;
        for (FaultNode n : nodes()) {
            if (n.running() && n.linkUp() && (best == null || n.priority(i.name()) > best.priority(i.name()))) {
                best = n;
            }
        }
        return best;
    }

    /**
     * What is wrong now with {@code i}, or null: exactly the expected master holds the VIP and
     * reports MASTER. {@code addresses} is each node's {@code ip -o addr} output of this look.
     */
    private String problem(Instance i, java.util.Map<FaultNode, String> addresses) {
        FaultNode master = expectedMaster(i);
        List<String> wrong = new ArrayList<>();
        for (FaultNode n : nodes()) {
            if (n.dead()) {
                continue; // a killed node's VIP stays until its daemon runs again
            }
            boolean holds = Lab.lists(addresses.get(n), i.vip());
            String state = n.state(i.name());
            if (n == master && (!holds || !"MASTER".equals(state))) {
                wrong.add(n.name() + " should be MASTER with the VIP (holds " + holds + ", reports " + state + ")");
            } else if (n != master && (holds || "MASTER".equals(state))) {
                wrong.add(n.name() + " should not hold the VIP (holds " + holds + ", reports " + state + ")");
            }
        }
        return wrong.isEmpty() ? null : i.name() + ": " + String.join("; ", wrong);
    }

    /**
     * Waits until every instance has exactly one live holder, the expected master, and returns
     * how long that took after {@code since}; records a violation (with what was wrong) when it
     * does not happen within the longest Master_Down_Interval plus {@code bound}. A running
     * node then still holding a VIP it must not hold keeps it for ever (nothing will remove it):
     * the VIP is removed by hand, as an operator would, so that the next faults start clean.
     */
    Long converge(String fault, long since, long bound) {
        long deadline = since + masterDown(100) + bound;
        String problem = null;
        while (Timeline.now() < deadline) {
            java.util.Map<FaultNode, String> addresses = new java.util.HashMap<>();
            for (FaultNode n : nodes()) {
                addresses.put(n, n.addresses());
            }
            problem = INSTANCES.stream().map(i -> problem(i, addresses)).filter(p -> p != null)
                    .collect(Collectors.joining(" | "));
            if (problem.isEmpty()) {
                long took = Timeline.now() - since;
                report.converged(fault, took);
                return took;
            }
            Lab.sleep(java.time.Duration.ofMillis(100));
        }
        report.violation(String.format("not converged %.3f s after %s: %s", (deadline - since) / 1e6, fault, problem));
        repairStaleHolders();
        return null;
    }

    private void repairStaleHolders() {
        for (Instance i : INSTANCES) {
            for (FaultNode n : nodes()) {
                if (n.running() && n != expectedMaster(i) && n.holds(i.vip()) && !"MASTER".equals(n.state(i.name()))) {
                    Lab.run("ip", "-n", n.ns(), "addr", "del", i.vip() + "/24", "dev", FaultNode.DEV);
                    report.note("removed " + i.vip() + " by hand from " + n.name() + " (reports " + n.state(i.name())
                            + ")");
                }
            }
        }
    }

    /**
     * Records how long {@code to} took to add {@code i}'s VIP after the fault at {@code since},
     * and, when {@code from} was the master that fell silent, the overhead past
     * Master_Down_Interval counted from the last advert of {@code from} that {@code to} heard.
     */
    void takeover(String fault, Instance i, FaultNode from, FaultNode to, long since) {
        AddressWatch.Change added = to.vipChanges(i.vip()).stream().filter(c -> c.added() && c.micros() >= since)
                .findFirst().orElse(null);
        if (added == null) {
            report.note("no VIP added on " + to.name() + " for " + i.name() + " after " + fault);
            return;
        }
        Long overhead = null;
        if (from != null) {
            long lastHeard = to.adverts().stream().filter(ad -> ad.source().equals(from.address()) && ad.vrid() == i.vrid()
                    && ad.micros() < added.micros()).mapToLong(AdvertCapture.Advert::micros).max().orElse(-1);
            if (lastHeard > 0) {
                overhead = added.micros() - lastHeard - masterDown(to.priority(i.name()));
            }
        }
        report.takeover(fault, added.micros() - since, overhead);
    }

    /** Flags log lines of keepalived4j nodes written since the last check that show an escaped exception. */
    void checkLogs() {
        for (FaultNode n : nodes()) {
            if (!n.keepalived4j()) {
                continue;
            }
            List<String> bad = n.newLog().lines().filter(l -> TROUBLE.matcher(l).find()).limit(8).toList();
            if (!bad.isEmpty()) {
                report.violation(n.name() + "'s log shows an exception:\n      " + String.join("\n      ", bad));
            }
        }
    }

    /** Starts both daemons and waits for the first election. */
    void start() throws IOException {
        long since = Timeline.now();
        a.start();
        b.start();
        converge("start", since, RESTART_BOUND_MICROS);
    }

    @Override
    public void close() {
        for (FaultNode n : List.of(a, b)) {
            try {
                n.close();
            } catch (RuntimeException e) {
                System.err.println("could not stop " + n.name() + ": " + e.getMessage());
            }
        }
        lab.close();
    }
}
