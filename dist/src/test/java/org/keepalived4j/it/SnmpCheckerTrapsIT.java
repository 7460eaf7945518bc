package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KEEPALIVED-MIB's checker notifications from keepalived4j, received by a real snmptrapd.
 * keepalived cannot be the reference here (its checker process exits at once without IPVS), so
 * the expected notifications are written out from KEEPALIVED-MIB (realServerStateChange,
 * virtualServerQuorumStateChange: their OBJECTS, with the naming objects of the virtual server's
 * type) and keepalived 2.2.7's check_snmp_rs_trap and ipwrapper.c (when each is sent, the order
 * of the objects, their types, and the counts at that moment).
 *
 * <p>Two virtual servers, one by address and port (TCP) and one by firewall mark (its
 * {@code protocol TCP} is ignored, as keepalived ignores it), each with two real servers checked
 * by TCP_CHECK against listeners in the namespace, a quorum of 2 and a sorry server. One real
 * server of each goes down and comes back, one after the other; then SIGTERM. Run twice, once
 * sending through snmpd over AgentX and once from keepalived4j's own trap sink: both must
 * deliver exactly the expected notifications, in order.
 */
class SnmpCheckerTrapsIT {

    private static final String K = ".1.3.6.1.4.1.9586.100.5.";
    private static final String CHECK_TRAPS = K + "3.5.0.";
    private static final int AGENT_PORT = 1161;
    private static final int TRAP_PORT = 1162;
    private static final Duration CHANGE = Duration.ofSeconds(30);

    /** A virtual server as the notifications name it: by type, then its protocol. */
    private record Service(String config, List<String> naming) {
    }

    /** 10.85.0.10:80, TCP: type ip(2), address type, address, port, protocol tcp(1). */
    private static final Service BY_ADDRESS = new Service("10.85.0.10 80", List.of(
            K + "3.3.1.2 = INTEGER: 2", K + "3.3.1.5 = INTEGER: 1", K + "3.3.1.6 = Hex-STRING: 0A 55 00 0A",
            K + "3.3.1.7 = Gauge32: 80", K + "3.3.1.8 = INTEGER: 1"));
    /** fwmark 7: type fwmark(1), the mark, and a protocol that is not tcp(1) (keepalived drops it). */
    private static final Service BY_MARK = new Service("fwmark 7", List.of(
            K + "3.3.1.2 = INTEGER: 1", K + "3.3.1.4 = Gauge32: 7", K + "3.3.1.8 = INTEGER: 2"));

    /**
     * A real server: its address (as keepalived sends it: 4 bytes), the port its listener and
     * check use, the port it is reported with, and its virtual server.
     */
    private record Real(String address, String hex, int port, int reportedPort, Service service) {
    }

    private static final Real A1 = new Real("127.0.0.2", "7F 00 00 02", 8081, 8081, BY_ADDRESS);
    private static final Real A2 = new Real("127.0.0.3", "7F 00 00 03", 8082, 8082, BY_ADDRESS);
    // direct routing to a firewall mark keeps no port: TCP_CHECK gets its own connect_port
    private static final Real M1 = new Real("127.0.0.4", "7F 00 00 04", 8083, 0, BY_MARK);
    private static final Real M2 = new Real("127.0.0.5", "7F 00 00 05", 8084, 0, BY_MARK);

    @TempDir
    Path dir;

    @Test
    void realServerAndQuorumNotificationsAreKeepalivedsOverAgentxAndFromTheOwnSender() throws Exception {
        List<String> expected = expected();
        Map<String, List<String>> received = new LinkedHashMap<>();
        for (boolean agentx : new boolean[] {true, false}) {
            String run = agentx ? "agentx" : "own sender";
            try {
                received.put(run, run(agentx, expected.size()));
            } catch (AssertionError e) {
                throw new AssertionError(run + ": " + e.getMessage() + "\nexpected:\n" + String.join("\n", expected)
                        + "\nreceived in the runs before: " + received, e);
            }
            assertThat(received.get(run)).as(run + ", received:\n" + String.join("\n", received.get(run)))
                    .containsExactlyElementsOf(expected);
        }
        assertThat(received.get("own sender")).containsExactlyElementsOf(received.get("agentx"));
    }

    /**
     * What keepalived sends for the scenario (ipwrapper.c). At the start no real server is alive
     * when the quorums are first worked out (set_quorum_states, from validate_check_config), so
     * once init_service_rs has put them all in, each virtual server gains its quorum: met, both
     * servers up. A real server that fails its check is reported dead with the servers up counted
     * after it; the quorum it breaks is then reported notMet (the sorry server going in changes no
     * count); coming back, the server is reported alive, then the quorum met. At the stop
     * (clear_services) each virtual server in turn: every live real server reported dead, the
     * count going down, then its quorum as shutdown(3).
     */
    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        out.add(quorum(BY_ADDRESS, 1, 2));
        out.add(quorum(BY_MARK, 1, 2));
        for (Real r : List.of(A1, M1)) {
            out.add(realServer(r, 2, 1));
            out.add(quorum(r.service(), 2, 1));
            out.add(realServer(r, 1, 2));
            out.add(quorum(r.service(), 1, 2));
        }
        for (Service s : List.of(BY_ADDRESS, BY_MARK)) {
            Real first = s == BY_ADDRESS ? A1 : M1;
            Real second = s == BY_ADDRESS ? A2 : M2;
            out.add(realServer(first, 2, 1));
            out.add(realServer(second, 2, 0));
            out.add(quorum(s, 3, 0));
        }
        return out;
    }

    /** realServerStateChange: status alive(1) or dead(2), {@code up} servers up of 2. */
    private static String realServer(Real r, int status, int up) {
        List<String> v = new ArrayList<>(header("1"));
        v.add(K + "3.4.1.3 = INTEGER: 1");
        v.add(K + "3.4.1.4 = Hex-STRING: " + r.hex());
        v.add(K + "3.4.1.5 = Gauge32: " + r.reportedPort());
        v.add(K + "3.4.1.6 = INTEGER: " + status);
        v.addAll(r.service().naming());
        v.addAll(counts(up));
        return String.join(" | ", v);
    }

    /** virtualServerQuorumStateChange: status met(1), notMet(2) or shutdown(3), quorum 2. */
    private static String quorum(Service s, int status, int up) {
        List<String> v = new ArrayList<>(header("2"));
        v.addAll(s.naming());
        v.add(K + "3.3.1.23 = INTEGER: " + status);
        v.add(K + "3.3.1.22 = Gauge32: 2");
        v.addAll(counts(up));
        return String.join(" | ", v);
    }

    private static List<String> header(String trap) {
        return List.of(SnmpPeers.SYS_UP_TIME + " = Timeticks: *",
                SnmpPeers.SNMP_TRAP_OID + " = OID: " + CHECK_TRAPS + trap);
    }

    /** virtualServerRealServersUp, virtualServerRealServersTotal (the sorry server is not one), routerId. */
    private static List<String> counts(int up) {
        return List.of(K + "3.3.1.21 = Gauge32: " + up, K + "3.3.1.20 = Gauge32: 2", K + "1.2.0 = STRING: \"it\"");
    }

    /** One run in a fresh namespace; the checker notifications received, as {@link SnmpPeers.Trap#line}s. */
    private List<String> run(boolean agentx, int expected) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(agentx ? "agentx" : "own"));
        try (Lab lab = new Lab("snmpck")) {
            String ns = lab.namespace("a");
            try (SnmpPeers snmp = new SnmpPeers(ns, runDir); Listeners listeners = new Listeners(ns)) {
                snmp.trapReceiver(TRAP_PORT);
                Path socket = runDir.resolve("agentx.sock");
                VrrpConfig config = VrrpConfig.node().global("enable_traps").global("enable_snmp_checker")
                        .global("snmp_socket unix:" + socket)
                        .block(virtualServer(BY_ADDRESS, "NAT", A1, A2))
                        .block(virtualServer(BY_MARK, "DR", M1, M2));
                if (agentx) {
                    snmp.agentxMaster(socket, AGENT_PORT, "public", TRAP_PORT);
                } else {
                    config.block("keepalived4j_snmp {\n    agentaddress udp:127.0.0.1:" + AGENT_PORT
                            + "\n    rocommunity public 127.0.0.1\n    trap2sink 127.0.0.1:" + TRAP_PORT
                            + " public\n}\n");
                }
                for (Real r : List.of(A1, A2, M1, M2)) {
                    listeners.start(r);
                }
                try (Node node = new Node(Node.Kind.KEEPALIVED4J, ns, runDir, "lvs").start(config.text())) {
                    awaitAllAlive(snmp, node);
                    int seen = awaitCheckerTraps(snmp, node, 2);
                    for (Real r : List.of(A1, M1)) {
                        listeners.stop(r);
                        seen = awaitCheckerTraps(snmp, node, seen + 2);
                        listeners.start(r);
                        seen = awaitCheckerTraps(snmp, node, seen + 2);
                    }
                    node.stop();
                    assertThat(node.alive()).as("keepalived4j exits at SIGTERM").isFalse();
                    awaitCheckerTraps(snmp, node, expected);
                }
                return snmp.traps(CHECK_TRAPS).stream().map(SnmpPeers.Trap::line).toList();
            }
        }
    }

    private static String virtualServer(Service s, String kind, Real... reals) {
        StringBuilder b = new StringBuilder("virtual_server " + s.config() + " {\n    delay_loop 1\n    lb_algo rr\n"
                + "    lb_kind " + kind + "\n    protocol TCP\n    quorum 2\n    sorry_server 127.0.0.9 9000\n");
        for (Real r : reals) {
            b.append("    real_server ").append(r.address()).append(r.reportedPort() == 0 ? "" : " " + r.port())
                    .append(" {\n        weight 1\n        TCP_CHECK {\n            connect_port ").append(r.port())
                    .append("\n            connect_timeout 1\n            retry 0\n        }\n    }\n");
        }
        return b.append("}\n").toString();
    }

    /** Waits until the agent (snmpd's subagent, or our own) shows all four real servers alive. */
    private static void awaitAllAlive(SnmpPeers snmp, Node node) {
        String column = K + "3.4.1.6";
        Lab.await(() -> snmp.values(AGENT_PORT, "public", column).equals(List.of("1", "1", "1", "1")), CHANGE,
                () -> "realServerStatus: " + snmp.values(AGENT_PORT, "public", column) + "\n" + node.log());
    }

    /** Waits for {@code count} checker notifications in all; returns how many there are. */
    private static int awaitCheckerTraps(SnmpPeers snmp, Node node, int count) {
        try {
            return snmp.awaitTraps(CHECK_TRAPS, t -> t.size() >= count, CHANGE).size();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + node.log(), e);
        }
    }

    /** The real servers' listeners, each stopped and started again by the test. */
    private static final class Listeners implements AutoCloseable {
        private final String ns;
        private final Map<Real, TcpListener> running = new LinkedHashMap<>();

        Listeners(String ns) {
            this.ns = ns;
        }

        void start(Real r) throws java.io.IOException {
            running.put(r, TcpListener.start(ns, r.address(), r.port()));
        }

        void stop(Real r) {
            running.remove(r).close();
        }

        @Override
        public void close() {
            running.values().forEach(TcpListener::close);
        }
    }
}
