package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived4j as an AgentX subagent of a real snmpd that goes away and comes back. While snmpd
 * is stopped the instance changes state twice (a keepalived peer of higher priority preempts it;
 * a SIGHUP raises its priority above the peer's and it takes over again). Once snmpd runs again
 * the subagent has registered anew (a walk through snmpd reads the live state, new priority
 * included) and the notifications of the gap have arrived after the restart: all of them, in
 * the order they happened, none twice.
 */
class SnmpdRestartIT {

    private static final String SUBNET = "10.86.0.";
    private static final String VIP = SUBNET + "100";
    private static final int AGENT_PORT = 1161;
    private static final int TRAP_PORT = 1162;
    private static final String VRRP = ".1.3.6.1.4.1.9586.100.5.2.";
    private static final String INSTANCE_STATE_CHANGE = VRRP + "10.0.2";
    private static final String INSTANCE_STATE = VRRP + "3.1.4";
    private static final String INSTANCE_BASE_PRIORITY = VRRP + "3.1.7";
    private static final String NEW_MASTER_V2 = ".1.3.6.1.2.1.68.0.1";
    private static final String NEW_MASTER_V3 = ".1.3.6.1.2.1.207.0.1";
    /** The subagent retries after 1 s, doubling up to 15 s: a restart is noticed within 15 s. */
    private static final Duration RECONNECT = Duration.ofSeconds(60);
    private static final Duration TRANSITION = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void notificationsOfTheGapArriveInOrderOnceSnmpdIsBack() throws Exception {
        try (Lab lab = new Lab("snmprs")) {
            String nsA = lab.namespace("a");
            String nsB = lab.namespace("b");
            lab.link(nsA, "eth0", SUBNET + "1/24", nsB, "eth0", SUBNET + "2/24");
            try (SnmpPeers snmp = new SnmpPeers(nsA, dir)) {
                snmp.trapReceiver(TRAP_PORT);
                Path socket = dir.resolve("agentx.sock");
                snmp.agentxMaster(socket, AGENT_PORT, "public", TRAP_PORT);
                String ours = config(100).snmpVrrp(socket).text();
                try (Node node = new Node(Node.Kind.KEEPALIVED4J, nsA, dir, "ours").start(ours);
                        Node peer = new Node(Node.Kind.KEEPALIVED, nsB, dir, "peer")) {
                    List<String> becameMaster = List.of("VI_1 -> 2", "vrrpTrapNewMaster", "vrrpv3NewMaster");
                    List<String> startup = concat(List.of("VI_1 -> 1"), becameMaster);
                    await(() -> summaries(snmp).size() >= startup.size(), TRANSITION, "the startup notifications",
                            snmp, node);
                    assertThat(summaries(snmp)).containsExactlyElementsOf(startup);
                    assertThat(snmp.values(AGENT_PORT, "public", INSTANCE_STATE)).containsExactly("2");

                    snmp.stopAgentxMaster();
                    peer.start(config(200).text());
                    await(() -> node.entered("BACKUP") == 2, TRANSITION, "the peer to preempt us", snmp, node);
                    node.reload(ours.replace("priority 100", "priority 250"));
                    await(() -> node.entered("MASTER") == 2, TRANSITION, "us to preempt the peer", snmp, node);
                    assertThat(summaries(snmp)).as("nothing reaches snmptrapd without snmpd").hasSize(startup.size());

                    snmp.restartAgentxMaster();
                    List<String> all = concat(startup, concat(List.of("VI_1 -> 1"), becameMaster));
                    await(() -> summaries(snmp).size() >= all.size(), RECONNECT, "the gap's notifications", snmp, node);
                    await(() -> snmp.values(AGENT_PORT, "public", INSTANCE_BASE_PRIORITY).equals(List.of("250")),
                            RECONNECT, "a walk through snmpd to show the new priority", snmp, node);
                    assertThat(snmp.values(AGENT_PORT, "public", INSTANCE_STATE)).containsExactly("2");
                    assertThat(summaries(snmp)).as(String.join("\n", lines(snmp))).containsExactlyElementsOf(all);
                    node.stop();
                }
            }
        }
    }

    private static VrrpConfig config(int priority) {
        return VrrpConfig.node().instance("VI_1", "eth0", 51, priority, VIP);
    }

    /**
     * keepalived4j's notifications so far (not snmpd's own), each in brief: an instance's new
     * state ({@code VI_1 -> 2}) or which new-master notification it is.
     */
    private static List<String> summaries(SnmpPeers snmp) {
        return snmp.traps().stream().map(SnmpdRestartIT::summary).filter(s -> !s.isEmpty()).toList();
    }

    private static String summary(SnmpPeers.Trap t) {
        return switch (t.oid()) {
            case INSTANCE_STATE_CHANGE ->
                    value(t, VRRP + "3.1.2").replace("\"", "") + " -> " + value(t, INSTANCE_STATE);
            case NEW_MASTER_V2 -> "vrrpTrapNewMaster";
            case NEW_MASTER_V3 -> "vrrpv3NewMaster";
            default -> t.oid().startsWith(".1.3.6.1.4.1.9586.") ? t.oid() : "";
        };
    }

    private static String value(SnmpPeers.Trap t, String oid) {
        return t.objects().stream().filter(v -> v.oid().equals(oid)).map(SnmpPeers.Varbind::value).findFirst()
                .orElse("(no " + oid + ")");
    }

    private static List<String> lines(SnmpPeers snmp) {
        return snmp.traps().stream().map(SnmpPeers.Trap::line).toList();
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what, SnmpPeers snmp, Node node) {
        Lab.await(condition, timeout, () -> what + "; received:\n" + String.join("\n", lines(snmp))
                + "\n---- keepalived4j\n" + node.log());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
