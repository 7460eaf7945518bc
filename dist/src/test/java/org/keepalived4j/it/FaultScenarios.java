package org.keepalived4j.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults, in the order one run injects them, each followed by its checks: SIGKILL and
 * restart of either node and of both in turn, link down and up on either node, VRRP loss on
 * the bridge ({@link WireFaults}), a flooding peer ({@link WireFaults}), SIGHUP storms
 * ({@link ReloadFaults}), and a graceful stop of both nodes at the end. The same run serves the
 * CI suite ({@link Plan#ci()}) and {@code bench/faults.sh} (longer plans).
 */
final class FaultScenarios {

    /**
     * How much of each fault one run injects.
     *
     * @param killCycles rounds of: SIGKILL+restart of A, of B, then of both in turn
     * @param linkCycles rounds of link down+up on A, then on B
     * @param lossSeconds how long each loss phase (one direction, both) lasts
     * @param floodPerClass packets of each flood class
     * @param floodRate packets per second, all classes together
     * @param stormRounds rounds of eight SIGHUPs (valid, changed, broken files) per keepalived4j node
     */
    record Plan(int killCycles, int linkCycles, int lossSeconds, int floodPerClass, int floodRate, int stormRounds) {
        /** A few minutes for both topologies: every fault once. */
        static Plan ci() {
            return new Plan(1, 1, 15, 300, 2000, 3);
        }
    }

    private final FaultRig rig;
    private final FaultReport report;
    private final Plan plan;

    FaultScenarios(FaultRig rig, Plan plan) {
        this.rig = rig;
        this.report = rig.report();
        this.plan = plan;
    }

    void run() throws IOException {
        rig.phase("start");
        rig.start();
        rig.checkLogs();
        for (int k = 0; k < plan.killCycles(); k++) {
            killAndRestart(rig.a());
            killAndRestart(rig.b());
            killBothInTurn();
        }
        for (int k = 0; k < plan.linkCycles(); k++) {
            linkDownAndUp(rig.a());
            linkDownAndUp(rig.b());
        }
        WireFaults wire = new WireFaults(rig);
        wire.loss(List.of("ab"), plan.lossSeconds());
        wire.loss(List.of("ab", "ba"), plan.lossSeconds());
        wire.flood(plan.floodPerClass(), plan.floodRate());
        ReloadFaults reloads = new ReloadFaults(rig);
        reloads.storm(plan.stormRounds());
        reloads.priorityHandover();
        stopBoth();
        FaultVerdict.analyse(rig);
    }

    private List<FaultRig.Instance> masteredBy(FaultNode n) {
        List<FaultRig.Instance> out = new ArrayList<>();
        for (FaultRig.Instance i : FaultRig.INSTANCES) {
            if (rig.expectedMaster(i) == n) {
                out.add(i);
            }
        }
        return out;
    }

    /** SIGKILL of a node (MASTER of one instance, BACKUP of the other), then its restart. */
    private void killAndRestart(FaultNode victim) throws IOException {
        rig.phase("SIGKILL " + victim.name() + " and restart");
        kill(victim, "SIGKILL of the master's node");
        restart(victim, "restart after SIGKILL, higher priority");
    }

    private void kill(FaultNode victim, String label) {
        List<FaultRig.Instance> lost = masteredBy(victim);
        long t = Timeline.now();
        victim.kill();
        report.fault("SIGKILL");
        rig.converge(label, t, FaultRig.BOUND_MICROS);
        for (FaultRig.Instance i : lost) {
            FaultNode next = rig.expectedMaster(i);
            if (next != null) {
                rig.takeover(label + " (" + next.kind().name().toLowerCase() + " takes over)", i, victim, next, t);
            }
        }
        rig.checkLogs();
    }

    private void restart(FaultNode node, String label) throws IOException {
        long t = Timeline.now();
        node.start();
        report.fault("restart");
        rig.converge(label, t, FaultRig.RESTART_BOUND_MICROS);
        for (FaultRig.Instance i : masteredBy(node)) {
            rig.takeover("MASTER again after restart (" + node.kind().name().toLowerCase() + ", start-up included)", i,
                    null, node, t);
        }
        rig.checkLogs();
    }

    /**
     * A kills, B takes everything over, B is killed too (both now hold stale VIPs), A starts
     * alone and takes everything, then B starts holding the VIP of an instance in which it has
     * the lower priority: it must remove that VIP, as keepalived does at start.
     */
    private void killBothInTurn() throws IOException {
        rig.phase("SIGKILL a, then b; restart a, then b");
        kill(rig.a(), "SIGKILL of the master's node");
        rig.b().kill();
        report.fault("SIGKILL");
        Lab.sleep(java.time.Duration.ofSeconds(1));
        restart(rig.a(), "restart of a alone (both nodes killed)");
        restart(rig.b(), "restart of b, holding a stale VIP of lower priority");
    }

    /** The node's link (its end of the veth) down: it goes to FAULT and the other node takes over; then up again. */
    private void linkDownAndUp(FaultNode node) {
        rig.phase("link down/up " + node.name());
        List<FaultRig.Instance> lost = masteredBy(node);
        long t = Timeline.now();
        node.link(false);
        report.fault("link down");
        rig.converge("link down on the master's node", t, FaultRig.BOUND_MICROS);
        for (FaultRig.Instance i : lost) {
            rig.takeover("link down on the master's node", i, node, rig.other(node), t);
        }
        rig.checkLogs();
        t = Timeline.now();
        node.link(true);
        report.fault("link up");
        rig.converge("link up (preemption back)", t, FaultRig.BOUND_MICROS);
        for (FaultRig.Instance i : lost) {
            rig.takeover("link up: MASTER again (preemption)", i, null, node, t);
        }
        rig.checkLogs();
    }

    /** SIGTERM of A (its MASTER sends priority 0, B takes over within the skew time), then of B. */
    private void stopBoth() {
        rig.phase("SIGTERM a, then b");
        for (FaultNode n : List.of(rig.a(), rig.b())) {
            List<FaultRig.Instance> lost = masteredBy(n);
            long t = Timeline.now();
            n.stop();
            report.fault("SIGTERM");
            if (n.alive()) {
                report.violation(n.name() + " still runs 15 s after SIGTERM");
            }
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                if (n.holds(i.vip())) {
                    report.violation(i.vip() + " left on " + n.name() + " after its graceful stop");
                }
            }
            FaultNode survivor = rig.other(n);
            if (survivor.running()) {
                rig.converge("SIGTERM of the master's node", t, FaultRig.BOUND_MICROS);
                for (FaultRig.Instance i : lost) {
                    rig.takeover("SIGTERM of the master's node (priority 0 sent)", i, null, survivor, t);
                }
            }
            rig.checkLogs();
        }
    }
}
