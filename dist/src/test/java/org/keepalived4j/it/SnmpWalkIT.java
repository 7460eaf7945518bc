package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.it.SnmpPeers.Varbind;

/**
 * What an SNMP manager walks, compared with the real keepalived 2.2.7. One configuration (a sync
 * group of a VRRPv2 and a VRRPv3 instance, a tracked vrrp_script and interface, VIPs with
 * {@code dev}, {@code label}, {@code brd} and {@code scope}, excluded addresses, notify scripts,
 * every {@code enable_snmp_*} keyword) runs three times, each in its own pair of namespaces beside
 * a higher-priority real keepalived that stays MASTER: (a) keepalived behind snmpd, (b)
 * keepalived4j behind snmpd over AgentX, (c) keepalived4j as its own agent. KEEPALIVED-MIB,
 * VRRP-MIB and VRRPv3-MIB walked on each must hold the same objects with the same values, ifIndex
 * values made host-independent and advertisement counters and up times compared by type; the
 * only differences allowed are {@link #DELIBERATE}, each named. A snmpbulkwalk must read what
 * snmpwalk reads.
 *
 * <p>keepalived's checker cannot run here (no IPVS), so the checker tables are walked on
 * keepalived4j alone, over AgentX and from its own agent, which must agree object for object,
 * and compared column by column with check-walk.txt.
 */
class SnmpWalkIT {

    private static final String KEEPALIVED_MIB = ".1.3.6.1.4.1.9586.100.5";
    private static final List<String> SUBTREES = List.of(KEEPALIVED_MIB, ".1.3.6.1.2.1.68", ".1.3.6.1.2.1.207");
    private static final int AGENT_PORT = 1161;
    private static final int TRAP_PORT = 1162;
    private static final List<String> V2C = List.of("-v2c", "-c", "public");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static final String SUBJECT_ADDRESS = "10.61.0.1";
    private static final Set<String> NO_ADDRESS = Set.of("0.0.0.0", "00 00 00 00");
    private static final Set<String> PEER_ADDRESS = Set.of("10.61.0.2", "0A 3D 00 02");

    /**
     * The master a BACKUP follows (vrrpOperMasterIpAddr, vrrpv3OperationsMasterIpAddr): either
     * daemon at times still reports none (0.0.0.0) for an instance that follows the peer,
     * depending on the order of its startup transitions; when both name one, it must be the same.
     */
    static final WalkComparison.Rule FOLLOWED_MASTER = new WalkComparison.Rule("the master a BACKUP follows: none "
            + "(0.0.0.0) on one side, depending on the order of the startup transitions",
            WalkComparison.under("1.3.6.1.2.1.68.1.3.1.7").or(WalkComparison.under("1.3.6.1.2.1.207.1.1.1.1.3")),
            WalkComparison.Shape.VALUE, (left, right) -> NO_ADDRESS.contains(left) && PEER_ADDRESS.contains(right)
                    || PEER_ADDRESS.contains(left) && NO_ADDRESS.contains(right));

    /**
     * Where keepalived4j departs from keepalived on purpose (see exporters/snmp), the version
     * string, and {@link #FOLLOWED_MASTER}, which varies from run to run. Anything else that
     * differs fails the test.
     */

    static final List<WalkComparison.Rule> DELIBERATE = List.of(
            new WalkComparison.Rule("version: each daemon's own version string", under(".1.1")),
            new WalkComparison.Rule("vrrpOperTable and vrrpRouterStatsTable: keepalived's getnext serves their first "
                    + "row only", WalkComparison.under("1.3.6.1.2.1.68.1.3.1")
                            .or(WalkComparison.under("1.3.6.1.2.1.68.2.4.1")), WalkComparison.Shape.ONLY_RIGHT),
            new WalkComparison.Rule("vrrpAddressAdvertising: keepalived says false for every address of the second "
                    + "and later instances", under(".2.6.1.11").and(under(".2.6.1.11.1").negate())),
            new WalkComparison.Rule("vrrpOperMasterIpAddr of a MASTER: its own address here, keepalived's last other "
                    + "master", WalkComparison.under("1.3.6.1.2.1.68.1.3.1.7"), WalkComparison.Shape.VALUE,
                    (keepalived, ours) -> ours.equals(SUBJECT_ADDRESS)),
            FOLLOWED_MASTER,
            new WalkComparison.Rule("vrrpRouteStatus and vrrpRuleStatus: this daemon installs no virtual routes or "
                    + "rules", under(".2.7.1.14").or(under(".2.8.1.7"))),
            new WalkComparison.Rule("static_ipaddress, static_routes and static_rules (instance 0 of the address, "
                    + "route, rule and next-hop tables) are not served",
                    oid -> oid.matches("1\\.3\\.6\\.1\\.4\\.1\\.9586\\.100\\.5\\.2\\.([678]|11)\\.1\\.\\d+\\.0\\..*"),
                    WalkComparison.Shape.ONLY_LEFT));

    private static Predicate<String> under(String keepalivedMib) {
        return WalkComparison.under(KEEPALIVED_MIB.substring(1) + keepalivedMib);
    }

    /** The sync group and its instances; @SOCKET@ is snmpd's AgentX socket. */
    static final String SUBJECT = """
            global_defs {
                router_id walk_subject
                enable_traps
                enable_snmp_vrrp
                enable_snmp_checker
                enable_snmp_rfc
                enable_snmp_rfcv2
                enable_snmp_rfcv3
                snmp_socket unix:@SOCKET@
                enable_script_security
                script_user root
            }

            vrrp_script chk_true {
                script "/bin/true"
                interval 1
                weight -20
                rise 1
                fall 1
            }

            vrrp_sync_group SG_W {
                group {
                    VI_2
                    VI_3
                }
                track_interface {
                    peth1
                }
                notify_master "/bin/echo group master"
            }

            vrrp_instance VI_2 {
                state BACKUP
                interface eth0
                virtual_router_id 61
                priority 100
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass walkpw
                }
                track_interface {
                    eth1 weight -10
                }
                track_script {
                    chk_true weight 0
                }
                preempt_delay 5
                garp_master_delay 3
                notify "/bin/echo instance"
                notify_backup "/bin/sh -c true"
                notify_fault "echo 'fault state'"
                virtual_ipaddress {
                    10.61.0.100/24
                    10.61.0.101 dev eth0 label eth0:vip
                    10.61.3.1/24 dev eth1 scope link
                }
                virtual_ipaddress_excluded {
                    10.61.5.1/24 dev eth1
                    fd00:61::5/64 dev eth1
                    10.61.6.1/24 brd 10.61.6.255 dev eth0 scope host
                }
            }

            vrrp_instance VI_3 {
                state BACKUP
                interface eth0
                virtual_router_id 62
                version 3
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.61.0.110/24
                    10.61.0.111/24
                }
            }
            """;

    /** The real keepalived that stays MASTER of both instances (same VIPs, so no address-list errors). */
    static final String PEER = """
            global_defs {
                router_id walk_peer
            }
            vrrp_instance VI_2 {
                state MASTER
                interface eth0
                virtual_router_id 61
                priority 200
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass walkpw
                }
                virtual_ipaddress {
                    10.61.0.100/24
                    10.61.0.101/24
                    10.61.3.1/24
                }
            }
            vrrp_instance VI_3 {
                state MASTER
                interface eth0
                virtual_router_id 62
                version 3
                priority 200
                advert_int 1
                virtual_ipaddress {
                    10.61.0.110/24
                    10.61.0.111/24
                }
            }
            """;

    /** keepalived4j's own agent, added to the same configuration for (c). */
    static final String OWN_AGENT = "keepalived4j_snmp {\n    agentaddress udp:127.0.0.1:" + AGENT_PORT
            + "\n    rocommunity public\n}\n";

    /**
     * A virtual server group (a fwmark and an address:port) and a fwmark virtual server, two real
     * servers each (a fwmark service's real servers have no port: their checks name one); three
     * listen (nginx), 10.62.1.13:8081 does not.
     */
    static final String CHECKER = """
            global_defs {
                router_id walk_check
                enable_traps
                enable_snmp_checker
                snmp_socket unix:@SOCKET@
                enable_script_security
                script_user root
            }

            virtual_server_group web {
                10.62.0.100 80
                fwmark 5
            }

            virtual_server group web {
                delay_loop 1
                lb_algo wrr
                lb_kind NAT
                protocol TCP
                real_server 10.62.1.11 8080 {
                    weight 3
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
                real_server 10.62.1.12 8080 {
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }

            virtual_server fwmark 7 {
                delay_loop 2
                lb_algo rr
                lb_kind DR
                persistence_timeout 60
                real_server 10.62.1.11 {
                    notify_up "/usr/bin/echo up"
                    TCP_CHECK {
                        connect_port 8081
                        connect_timeout 1
                    }
                }
                real_server 10.62.1.13 {
                    TCP_CHECK {
                        connect_port 8081
                        connect_timeout 1
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private Lab lab;
    private final List<AutoCloseable> running = new ArrayList<>();

    @BeforeEach
    void lab() {
        lab = new Lab("snmpwalk");
    }

    @AfterEach
    void cleanUp() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("cleaning up: " + e);
            }
        }
        lab.close();
    }

    /** One subject: its namespace, what serves its walks and what its walks are called. */
    private record Subject(String name, String namespace, SnmpPeers snmp, Node node) {
    }

    @Test
    void keepalived4jWalksAsKeepalivedDoesOverAgentxAndFromItsOwnAgent() throws Exception {
        // each subject beside its own MASTER, started first so that the subjects come up as BACKUP
        Pair ka = pair("ka");
        Pair xa = pair("xa");
        Pair oa = pair("oa");
        for (Pair p : List.of(ka, xa, oa)) {
            awaitAddress(p.peerNamespace(), "10.61.0.110", p.peer());
            awaitAddress(p.peerNamespace(), "10.61.0.100", p.peer());
        }
        Subject keepalived = start("keepalived", ka.namespace(), Node.Kind.KEEPALIVED, ka.home(), true, SUBJECT);
        Subject agentx = start("keepalived4j over AgentX", xa.namespace(), Node.Kind.KEEPALIVED4J, xa.home(), true,
                SUBJECT);
        Subject own = start("keepalived4j's own agent", oa.namespace(), Node.Kind.KEEPALIVED4J, oa.home(), false,
                SUBJECT);
        List<Subject> subjects = List.of(keepalived, agentx, own);
        Map<Subject, List<Varbind>> walks = new LinkedHashMap<>();
        for (Subject s : subjects) {
            walks.put(s, awaitWalk(s, SnmpWalkIT::settledBackup));
        }

        StringBuilder failures = new StringBuilder();
        compare(keepalived, walks.get(keepalived), agentx, walks.get(agentx), DELIBERATE, failures);
        compare(keepalived, walks.get(keepalived), own, walks.get(own), DELIBERATE, failures);
        compare(agentx, walks.get(agentx), own, walks.get(own), List.of(FOLLOWED_MASTER), failures);
        for (Subject s : List.of(agentx, own)) {
            compare(new Subject(s.name() + " (snmpbulkwalk)", s.namespace(), s.snmp(), s.node()),
                    walk(s, "snmpbulkwalk"), s, walk(s, "snmpwalk"), List.of(), failures);
        }
        assertThat(failures.toString()).as("walks that differ").isEmpty();
        assertThat(walks.get(keepalived)).as("a walk worth comparing").hasSizeGreaterThan(200);

        // keepalived's sysORTable rows for its MIB modules, registered by the AgentX subagent
        assertThat(sysOr(agentx)).isEqualTo(sysOr(keepalived)).hasSize(4);
        for (Subject s : subjects) {
            assertThat(s.node().alive()).as(s.name() + " still running").isTrue();
        }
    }

    @Test
    void checkerTablesFollowTheMibOverAgentxAndFromTheOwnAgent() throws Exception {
        Subject agentx = checker("keepalived4j over AgentX", "xc", true);
        Subject own = checker("keepalived4j's own agent", "oc", false);
        // A walk reads the tables in turn, possibly across a change: the virtual servers' counts,
        // walked first, must already agree with the real servers' states.
        Predicate<List<Varbind>> settled = w -> value(w, ".1.3.6.1.4.1.9586.100.5.3.4.1.6.2.2").equals("2")
                && value(w, ".1.3.6.1.4.1.9586.100.5.3.4.1.13.2.2").equals("1")
                && value(w, ".1.3.6.1.4.1.9586.100.5.3.3.1.21.1").equals("2")
                && value(w, ".1.3.6.1.4.1.9586.100.5.3.3.1.21.2").equals("1")
                && List.of("1.1", "1.2", "2.1").stream()
                        .allMatch(rs -> value(w, ".1.3.6.1.4.1.9586.100.5.3.4.1.6." + rs).equals("1"));
        List<Varbind> overAgentx = awaitWalk(agentx, settled);
        List<Varbind> fromOwnAgent = awaitWalk(own, settled);

        StringBuilder failures = new StringBuilder();
        compare(agentx, overAgentx, own, fromOwnAgent, List.of(), failures);
        for (Subject s : List.of(agentx, own)) {
            compare(new Subject(s.name() + " (snmpbulkwalk)", s.namespace(), s.snmp(), s.node()),
                    walk(s, "snmpbulkwalk"), s, walk(s, "snmpwalk"), List.of(), failures);
        }
        failures.append(againstExpected(overAgentx));
        assertThat(failures.toString()).as("checker walks").isEmpty();
    }

    /** A subject's namespace and home, beside the namespace of its peer. */
    private record Pair(String namespace, String peerNamespace, Path home, Node peer) {
    }

    /** A pair of namespaces on one link, the peer started in the second. */
    private Pair pair(String tag) throws Exception {
        String ns = lab.namespace(tag);
        String peerNs = lab.namespace(tag + "p");
        lab.link(ns, "eth0", "10.61.0.1/24", peerNs, "eth0", "10.61.0.2/24");
        // the same MAC addresses in every pair: the MIBs show them, and link-local addresses follow them
        Lab.run("ip", "-n", ns, "link", "add", "eth1", "type", "veth", "peer", "name", "peth1");
        Lab.run("ip", "-n", ns, "link", "set", "eth0", "address", "02:00:00:61:01:01");
        Lab.run("ip", "-n", ns, "link", "set", "eth1", "address", "02:00:00:61:02:01");
        Lab.run("ip", "-n", ns, "link", "set", "peth1", "address", "02:00:00:61:02:02");
        Lab.run("ip", "-n", peerNs, "link", "set", "eth0", "address", "02:00:00:61:01:02");
        Lab.run("ip", "-n", ns, "addr", "add", "10.61.2.1/24", "dev", "eth1");
        Lab.run("ip", "-n", ns, "link", "set", "eth1", "up");
        Lab.run("ip", "-n", ns, "link", "set", "peth1", "up");
        Path home = Files.createDirectories(dir.resolve(tag));
        Node peer = started(new Node(Node.Kind.KEEPALIVED, peerNs, home, "peer").start(PEER));
        return new Pair(ns, peerNs, home, peer);
    }

    /** Starts keepalived4j with the checker configuration in a namespace with three listening real servers. */
    private Subject checker(String name, String tag, boolean agentx) throws Exception {
        String ns = lab.namespace(tag);
        Path home = Files.createDirectories(dir.resolve(tag));
        for (String rs : List.of("10.62.1.11", "10.62.1.12", "10.62.1.13")) {
            Lab.run("ip", "-n", ns, "addr", "add", rs + "/32", "dev", "lo");
        }
        Path conf = home.resolve("nginx.conf");
        Files.writeString(conf, "user root;\npid " + home.resolve("nginx.pid") + ";\nerror_log "
                + home.resolve("nginx-error.log") + ";\ndaemon off;\nevents {}\nhttp {\n  access_log off;\n"
                + "  server {\n    listen 10.62.1.11:8080;\n    listen 10.62.1.12:8080;\n    listen 10.62.1.11:8081;\n"
                + "    return 204;\n  }\n}\n");
        Process nginx = new ProcessBuilder("ip", "netns", "exec", ns, "nginx", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("nginx.out").toFile()).start();
        running.add(() -> {
            // SIGTERM: nginx's master stops its workers (SIGKILL would orphan them)
            nginx.destroy();
            nginx.waitFor();
        });
        return start(name, ns, Node.Kind.KEEPALIVED4J, home, agentx, CHECKER);
    }

    private Subject start(String name, String ns, Node.Kind kind, Path home, boolean agentx, String config)
            throws Exception {
        SnmpPeers snmp = new SnmpPeers(ns, home);
        running.add(snmp);
        Path socket = home.resolve("agentx.sock");
        if (agentx) {
            snmp.agentxMaster(socket, AGENT_PORT, "public", TRAP_PORT);
        }
        String text = config.replace("@SOCKET@", socket.toString()) + (agentx ? "" : OWN_AGENT);
        Node node = started(new Node(kind, ns, home, "subject").start(text));
        return new Subject(name, ns, snmp, node);
    }

    private Node started(Node node) {
        running.add(node);
        return node;
    }

    private static void awaitAddress(String ns, String address, Node node) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!Lab.lists(Lab.addresses(ns, "eth0"), address)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(address + " never came to " + ns + ":\n" + node.log());
            }
            Lab.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * Both instances BACKUP with the peer's advertisements counted, the sync group BACKUP and the
     * vrrp_script good: the state every walk is compared in.
     */
    private static boolean settledBackup(List<Varbind> walk) {
        String vrrp = KEEPALIVED_MIB + ".2.";
        return value(walk, vrrp + "3.1.4.1").equals("1") && value(walk, vrrp + "3.1.4.2").equals("1")
                && value(walk, vrrp + "1.1.3.1").equals("1") && value(walk, vrrp + "9.1.6.1").equals("3")
                && walk.stream().filter(v -> v.oid().startsWith(".1.3.6.1.2.1.207.1.2.5.1.3."))
                        .filter(v -> !v.value().equals("0")).count() == 2;
    }

    /** Walks {@code s} until {@code settled} holds; fails with the last walk and the daemon's log after {@link #SETTLE}. */
    private static List<Varbind> awaitWalk(Subject s, Predicate<List<Varbind>> settled) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<Varbind> last = List.of();
        String problem = "";
        while (System.nanoTime() < deadline) {
            try {
                last = walk(s, "snmpwalk");
                if (settled.test(last)) {
                    return last;
                }
            } catch (AssertionError notYet) {
                problem = notYet.getMessage();
            }
            Lab.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(s.name() + " never settled within " + SETTLE + " " + problem + "\n"
                + String.join("\n", last.stream().map(Varbind::toString).toList()) + "\n---- log\n" + s.node().log());
    }

    private static List<Varbind> walk(Subject s, String tool) {
        List<Varbind> all = new ArrayList<>();
        for (String root : SUBTREES) {
            all.addAll(s.snmp().walk(tool, AGENT_PORT, V2C, root));
        }
        return all;
    }

    private static String value(List<Varbind> walk, String oid) {
        return walk.stream().filter(v -> v.oid().equals(oid)).map(Varbind::value).findFirst().orElse("");
    }

    /** Compares two walks; a readable report of every unexplained difference goes to {@code failures}. */
    private static void compare(Subject left, List<Varbind> leftWalk, Subject right, List<Varbind> rightWalk,
            List<WalkComparison.Rule> accepted, StringBuilder failures) {
        WalkComparison.Result r = WalkComparison.compare(
                new WalkComparison.Side(left.name(), leftWalk, WalkComparison.interfaces(left.namespace())),
                new WalkComparison.Side(right.name(), rightWalk, WalkComparison.interfaces(right.namespace())),
                accepted);
        System.out.printf("%s (%d objects) / %s (%d objects): accepted %s, %d unexplained%n%s", left.name(), r.left(),
                right.name(), r.right(), r.accepted(), r.unexplained().size(), r.report());
        if (!r.unexplained().isEmpty()) {
            failures.append(left.name()).append(" / ").append(right.name()).append(": ").append(r.unexplained().size())
                    .append(" unexplained difference(s)\n").append(r.report());
        }
    }

    /** The walk's check subtree against check-walk.txt: every missing, extra or different object, by column. */
    private static String againstExpected(List<Varbind> walk) {
        Map<String, ExpectedTables.Expected> expected = ExpectedTables.read("check-walk.txt");
        Map<String, String> served = new LinkedHashMap<>();
        walk.stream().filter(v -> v.oid().startsWith(KEEPALIVED_MIB + ".3."))
                .forEach(v -> served.put(v.oid(), v.type() + ": " + v.value()));
        Set<String> oids = new TreeSet<>(expected.keySet());
        oids.addAll(served.keySet());
        StringBuilder out = new StringBuilder();
        for (String oid : oids) {
            ExpectedTables.Expected e = expected.get(oid);
            String got = served.get(oid);
            if (e == null || !e.value().equals(got)) {
                out.append(String.format("  %s %s: expected %s, served %s%n", oid, e == null ? "" : e.column(),
                        e == null ? "(none)" : e.value(), got == null ? "(none)" : got));
            }
        }
        System.out.printf("checker walk: %d objects served, %d expected%n", served.size(), expected.size());
        return out.length() == 0 ? "" : "against check-walk.txt:\n" + out;
    }

    /** sysORTable's (sysORID, sysORDescr) pairs for keepalived's MIB modules. */
    private static Set<String> sysOr(Subject s) {
        List<Varbind> table = s.snmp().walk(AGENT_PORT, "public", ".1.3.6.1.2.1.1.9.1");
        Set<String> out = new TreeSet<>();
        for (Varbind id : table) {
            if (id.oid().startsWith(".1.3.6.1.2.1.1.9.1.2.") && SUBTREES.stream().anyMatch(id.value()::startsWith)) {
                String row = id.oid().substring(".1.3.6.1.2.1.1.9.1.2.".length());
                out.add(id.value() + " " + value(table, ".1.3.6.1.2.1.1.9.1.3." + row));
            }
        }
        return out;
    }
}
