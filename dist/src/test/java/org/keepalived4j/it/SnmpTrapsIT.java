package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VRRP traps keepalived4j sends, against the real keepalived 2.2.7's, received by a real
 * snmptrapd. One scenario, run three times in fresh namespaces: the subject starts alone (BACKUP,
 * then MASTER), a keepalived peer of higher priority starts and preempts it (BACKUP), the subject
 * gets SIGTERM (stop). The subject is a sync group of a VRRPv2 and a VRRPv3 instance with
 * enable_traps and KEEPALIVED-MIB, VRRP-MIB and VRRPv3-MIB enabled; it is (1) keepalived sending
 * through snmpd over AgentX, (2) keepalived4j doing the same, (3) keepalived4j sending from its
 * own trap sink, with no snmpd. All three must deliver the same notifications in the same order,
 * each with the same objects, types and values. Not compared: sysUpTime.0's value, and the ifIndex
 * in the index of the RFC MIBs' objects, which is each run's own (checked to be that run's ifIndex
 * of eth0, then replaced by a placeholder).
 */
class SnmpTrapsIT {

    private static final String SUBNET = "10.83.0.";
    private static final String VIP_1 = SUBNET + "100";
    private static final String VIP_2 = SUBNET + "101";
    private static final int AGENT_PORT = 1161;
    private static final int TRAP_PORT = 1162;
    /** The trap OIDs compared: KEEPALIVED-MIB's, VRRP-MIB's and VRRPv3-MIB's (not snmpd's own coldStart). */
    private static final List<String> COMPARED = List.of(".1.3.6.1.4.1.9586.", ".1.3.6.1.2.1.68.", ".1.3.6.1.2.1.207.");
    private static final String GROUP_STATE_CHANGE = ".1.3.6.1.4.1.9586.100.5.2.10.0.1";
    private static final String GROUP_STATE = ".1.3.6.1.4.1.9586.100.5.2.1.1.3";
    private static final Duration TRANSITION = Duration.ofSeconds(30);

    private enum Subject {
        KEEPALIVED_AGENTX(Node.Kind.KEEPALIVED, true),
        KEEPALIVED4J_AGENTX(Node.Kind.KEEPALIVED4J, true),
        KEEPALIVED4J_OWN_SENDER(Node.Kind.KEEPALIVED4J, false);

        final Node.Kind kind;
        final boolean agentx;

        Subject(Node.Kind kind, boolean agentx) {
            this.kind = kind;
            this.agentx = agentx;
        }
    }

    @TempDir
    Path dir;

    @Test
    void keepalived4jSendsKeepalivedsVrrpTrapsOverAgentxAndFromItsOwnSender() throws Exception {
        Map<Subject, List<String>> received = new LinkedHashMap<>();
        int expected = 0;
        for (Subject subject : Subject.values()) {
            try {
                received.put(subject, run(subject, expected));
            } catch (AssertionError e) {
                throw new AssertionError(subject + ": " + e.getMessage() + "\nreceived in the runs before:\n"
                        + listing(received), e);
            }
            expected = received.get(Subject.KEEPALIVED_AGENTX).size();
        }
        String all = listing(received);
        List<String> keepalived = received.get(Subject.KEEPALIVED_AGENTX);
        // the scenario itself: the group (then each member) BACKUP, MASTER, BACKUP, stop(5), and
        // one new-master notification of VRRPv3-MIB per member and of VRRP-MIB for VI_1
        assertThat(keepalived).as(all).hasSize(4 + 8 + 3);
        assertThat(groupStates(keepalived)).as(all).containsExactly(1, 2, 1, 5);
        assertThat(received.get(Subject.KEEPALIVED4J_AGENTX)).as(all).containsExactlyElementsOf(keepalived);
        assertThat(received.get(Subject.KEEPALIVED4J_OWN_SENDER)).as(all).containsExactlyElementsOf(keepalived);
    }

    private static String listing(Map<Subject, List<String>> received) {
        return received.entrySet().stream()
                .map(e -> "---- " + e.getKey() + " (" + e.getValue().size() + ")\n" + String.join("\n", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * One run of the scenario; the notifications received, normalised. {@code expected}: how many
     * the reference run received (0: this is it), waited for after the stop.
     */
    private List<String> run(Subject subject, int expected) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(subject.name().toLowerCase()));
        try (Lab lab = new Lab("snmptr")) {
            String nsA = lab.namespace("a");
            String nsB = lab.namespace("b");
            lab.link(nsA, "eth0", SUBNET + "1/24", nsB, "eth0", SUBNET + "2/24");
            try (SnmpPeers snmp = new SnmpPeers(nsA, runDir)) {
                snmp.trapReceiver(TRAP_PORT);
                Path socket = runDir.resolve("agentx.sock");
                VrrpConfig config = config(100).snmpVrrp(socket);
                if (subject.agentx) {
                    snmp.agentxMaster(socket, AGENT_PORT, "public", TRAP_PORT);
                } else {
                    config.block("keepalived4j_snmp {\n    trap2sink 127.0.0.1:" + TRAP_PORT + " public\n}\n");
                }
                scenario(subject, lab, nsA, nsB, runDir, config, snmp, expected);
                return normalised(snmp.traps(), Lab.ifIndex(nsA, "eth0"));
            }
        }
    }

    private void scenario(Subject subject, Lab lab, String nsA, String nsB, Path runDir, VrrpConfig config,
            SnmpPeers snmp, int expected) throws Exception {
        try (Node node = new Node(subject.kind, nsA, runDir, "subject").start(config.text());
                Node peer = new Node(Node.Kind.KEEPALIVED, nsB, runDir, "peer")) {
            awaitGroupStates(snmp, node, s -> s.contains(2));
            assertThat(lab.hasAddress(nsA, "eth0", VIP_1)).as("the subject's VIP once it is MASTER").isTrue();

            // Which member a preempting peer takes first is the order in which its first adverts
            // arrive, and keepalived's sync group sends them in either order (seen on the wire):
            // holding back its VRRPv3 adverts until the group is BACKUP makes it always VI_1.
            Nft.load(nsA, "table ip snmptraps {\n    chain in {\n        type filter hook input priority 0;\n"
                    + "        ip saddr " + SUBNET + "2 ip protocol vrrp @th,8,8 52 drop\n    }\n}\n");
            peer.start(config(200).text());
            awaitGroupStates(snmp, node, s -> s.lastIndexOf(1) > s.indexOf(2));
            Nft.deleteTable(nsA, "ip", "snmptraps");

            node.stop();
            assertThat(node.alive()).as("the subject exits at SIGTERM").isFalse();
            awaitGroupStates(snmp, node, s -> s.contains(5));
            if (expected > 0) {
                // whatever else the reference received (too many fail the comparison)
                awaitCount(snmp, expected);
            }
        }
    }

    /** The sync group and its two instances, one VRRPv2 and one VRRPv3, both IPv4. */
    private static VrrpConfig config(int priority) {
        return VrrpConfig.node()
                .block("vrrp_sync_group VG_1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n")
                .instance("VI_1", "eth0", 51, priority, VIP_1)
                .instance("VI_2", "eth0", 52, priority, VIP_2, "version 3");
    }

    /** Waits until the states of the group's notifications so far satisfy {@code condition}. */
    private static void awaitGroupStates(SnmpPeers snmp, Node node, Predicate<List<Integer>> condition) {
        Lab.await(() -> condition.test(groupStates(compared(snmp.traps()))), TRANSITION,
                () -> "the group's notifications say " + groupStates(compared(snmp.traps())) + "; received:\n"
                        + String.join("\n", compared(snmp.traps())) + "\n---- " + node.kind() + "\n" + node.log());
    }

    /** Waits for as many compared notifications as the reference run received. */
    private static void awaitCount(SnmpPeers snmp, int count) {
        Lab.await(() -> compared(snmp.traps()).size() >= count, TRANSITION, () -> "as many notifications as "
                + "keepalived sent (" + count + "); received:\n" + String.join("\n", compared(snmp.traps())));
    }

    /** The states the group's notifications carry, in order (from {@link #normalised} lines). */
    private static List<Integer> groupStates(List<String> notifications) {
        List<Integer> states = new ArrayList<>();
        for (String n : notifications) {
            int at = n.indexOf(GROUP_STATE + " = INTEGER: ");
            if (n.contains("OID: " + GROUP_STATE_CHANGE + " |") && at >= 0) {
                String rest = n.substring(at + GROUP_STATE.length() + " = INTEGER: ".length());
                states.add(Integer.parseInt(rest.split(" ")[0]));
            }
        }
        return states;
    }

    private static List<String> compared(List<SnmpPeers.Trap> traps) {
        return normalised(traps, -1);
    }

    /**
     * The compared notifications, one {@link SnmpPeers.Trap#line} each, where in the RFC MIBs'
     * object OIDs the run's ifIndex of eth0 (followed by the VRID) is replaced by {@code IFINDEX}.
     */
    private static List<String> normalised(List<SnmpPeers.Trap> traps, int ifIndex) {
        List<String> out = new ArrayList<>();
        for (SnmpPeers.Trap t : traps) {
            if (COMPARED.stream().noneMatch(t.oid()::startsWith)) {
                continue;
            }
            out.add(t.line(oid -> indexFree(oid, ifIndex)));
        }
        return out;
    }

    private static String indexFree(String oid, int ifIndex) {
        if (ifIndex < 0 || !(oid.startsWith(".1.3.6.1.2.1.68.") || oid.startsWith(".1.3.6.1.2.1.207."))) {
            return oid;
        }
        for (int vrid : new int[] {51, 52}) {
            String index = "." + ifIndex + "." + vrid;
            int at = oid.lastIndexOf(index);
            if (at > 0 && (oid.length() == at + index.length() || oid.charAt(at + index.length()) == '.')) {
                return oid.substring(0, at) + ".IFINDEX." + vrid + oid.substring(at + index.length());
            }
        }
        return oid;
    }
}
