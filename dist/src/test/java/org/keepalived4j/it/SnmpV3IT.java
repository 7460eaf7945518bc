package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.it.SnmpPeers.Trap;
import org.keepalived4j.it.SnmpPeers.Varbind;

/**
 * keepalived4j's own agent and notification sinks over SNMPv3, judged by net-snmp's tools and a
 * real snmptrapd: a USM user with SHA-256 and AES reads what the community reads; wrong
 * passphrases and lower security levels are refused as snmpd refuses them (an authentication
 * failure, no answer to what cannot be decrypted, authorizationError below {@code rouser}'s
 * level); an SNMPv2c inform, an SNMPv3 inform and an
 * SNMPv3 trap (whose receiver knows the agent's engine ID from its {@code engineID} line, as the
 * daemon logs it) all carry the VRRP notifications, the informs acknowledged. No community or
 * passphrase of the block ever shows in {@code -t -D} or in the daemon's log.
 */
class SnmpV3IT {

    private static final int AGENT_PORT = 1161;
    private static final String COMMUNITY = "Comm-v2c-7f3a";
    private static final String AUTH = "Auth-pass-9c1e";
    private static final String PRIV = "Priv-pass-4b7d";
    private static final String INFORM_COMMUNITY = "Inform-comm-2e8";
    private static final List<String> SECRETS = List.of(COMMUNITY, AUTH, PRIV, INFORM_COMMUNITY);
    private static final String ENGINE_TEXT = "k4jv3it";
    /** What net-snmp's {@code engineID k4jv3it} makes: enterprise 8072, format 4 (text), the text. */
    private static final String ENGINE_ID = "0x80001f8804" + HexFormat.of().formatHex(ENGINE_TEXT.getBytes());
    private static final List<String> V2C = List.of("-v2c", "-c", COMMUNITY);
    private static final String USM = "-u monitor -a SHA-256 -x AES -A " + AUTH + " -X " + PRIV;
    private static final List<String> SUBTREES = List.of(".1.3.6.1.4.1.9586.100.5", ".1.3.6.1.2.1.68",
            ".1.3.6.1.2.1.207");
    private static final String STATE_CHANGE = ".1.3.6.1.4.1.9586.100.5.2.10.0.2";
    private static final String INSTANCE_STATE = ".1.3.6.1.4.1.9586.100.5.2.3.1.4";
    private static final Duration WAIT = Duration.ofSeconds(60);

    static final String CONFIG = """
            global_defs {
                router_id v3_subject
                enable_traps
                enable_snmp_vrrp
                enable_snmp_rfcv2
                enable_snmp_rfcv3
            }

            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 71
                priority 100
                advert_int 1
                virtual_ipaddress {
                    10.71.0.100/24
                }
            }

            keepalived4j_snmp {
                agentaddress udp:127.0.0.1:%d
                rocommunity %s 127.0.0.1
                createUser monitor SHA-256 %s AES %s
                rouser monitor priv
                engineID %s
                informsink 127.0.0.1:1162 %s
                trapsess -v 3 -Ci -u monitor -l authPriv -a SHA-256 -A %s -x AES -X %s 127.0.0.1:1163
                trapsess -v 3 -u monitor -l authPriv -a SHA-256 -A %s -x AES -X %s 127.0.0.1:1164
            }
            """.formatted(AGENT_PORT, COMMUNITY, AUTH, PRIV, ENGINE_TEXT, INFORM_COMMUNITY, AUTH, PRIV, AUTH, PRIV);

    @TempDir
    Path dir;

    private Lab lab;
    private String ns;
    private SnmpPeers snmp;
    private Node node;

    @BeforeEach
    void lab() {
        lab = new Lab("snmpv3");
        ns = lab.namespace("a");
        String other = lab.namespace("b");
        lab.link(ns, "eth0", "10.71.0.1/24", other, "eth0", "10.71.0.2/24");
        snmp = new SnmpPeers(ns, dir);
    }

    @AfterEach
    void cleanUp() {
        if (node != null) {
            node.close();
        }
        snmp.close();
        lab.close();
    }

    @Test
    void snmpv3ReadsWhatTheCommunityReadsAndTheSinksDeliverTheVrrpNotifications() throws Exception {
        SnmpPeers.Receiver v2Inform = snmp.trapReceiver("v2c-inform", 1162, "authCommunity log " + INFORM_COMMUNITY);
        SnmpPeers.Receiver v3Inform = snmp.trapReceiver("v3-inform", 1163,
                "createUser monitor SHA-256 " + AUTH + " AES " + PRIV, "authUser log monitor priv");
        SnmpPeers.Receiver v3Trap = snmp.trapReceiver("v3-trap", 1164,
                "createUser -e " + ENGINE_ID + " monitor SHA-256 " + AUTH + " AES " + PRIV, "authUser log monitor priv");
        node = new Node(Node.Kind.KEEPALIVED4J, ns, dir, "v3").start(CONFIG, "-D");

        // every sink: the instance's startup BACKUP, then MASTER with VRRP-MIB's and VRRPv3-MIB's newMaster
        List<SnmpPeers.Receiver> receivers = List.of(v2Inform, v3Inform, v3Trap);
        for (SnmpPeers.Receiver r : receivers) {
            r.awaitTraps("", traps -> traps.stream().anyMatch(t -> t.oid().equals(".1.3.6.1.2.1.207.0.1")), WAIT);
        }
        assertThat(states(v2Inform)).as("the instance's states, through the SNMPv2c informsink")
                .containsExactly("1", "2");
        assertThat(v2Inform.traps()).extracting(Trap::oid).containsSubsequence(STATE_CHANGE, STATE_CHANGE,
                ".1.3.6.1.2.1.68.0.1", ".1.3.6.1.2.1.207.0.1");
        List<String> sent = notifications(v2Inform);
        assertThat(notifications(v3Inform)).as("through the SNMPv3 inform").isEqualTo(sent);
        assertThat(notifications(v3Trap)).as("through the SNMPv3 trap").isEqualTo(sent);

        // the engine ID the trap receiver was given is the one the daemon announces
        assertThat(node.awaitLog("engine ID")).contains("engine ID " + ENGINE_ID);

        List<Varbind> community = walk(V2C);
        List<Varbind> user = walk(List.of(("-v3 -l authPriv " + USM).split(" ")));
        WalkComparison.Result same = WalkComparison.compare(
                new WalkComparison.Side("SNMPv2c", community, WalkComparison.interfaces(ns)),
                new WalkComparison.Side("SNMPv3 authPriv", user, WalkComparison.interfaces(ns)), List.of());
        assertThat(same.unexplained()).as(same.report()).isEmpty();
        assertThat(community).hasSizeGreaterThan(50);

        // each answered as snmpd answers it for the same createUser and rouser lines
        refused("-v3 -l authPriv -u monitor -a SHA-256 -A wrong-pass-1 -x AES -X " + PRIV,
                "Authentication failure (incorrect password, community or key)");
        refused("-v3 -l authPriv -u monitor -a SHA-256 -A " + AUTH + " -x AES -X wrong-pass-1", "Timeout: No Response");
        refused("-v3 -l authNoPriv -u monitor -a SHA-256 -A " + AUTH, "Reason: authorizationError");
        refused("-v3 -l noAuthNoPriv -u monitor", "Reason: authorizationError");

        // an inform not acknowledged is retried (informsink: 5 times, 1 s apart), then logged as lost:
        // after that window, nothing may be lost or refused
        Lab.sleep(Duration.ofSeconds(8));
        String log = node.log();
        assertThat(log).doesNotContain(" lost", "refused:", "undelivered");

        String shown = Node.runOnce(ns, "-t", "-D", "-f", dir.resolve("v3.conf").toString());
        assertThat(shown).contains("keepalived4j_snmp {", "createUser monitor SHA-256 ******** AES ********",
                "informsink 127.0.0.1:1162 ********");
        for (String secret : SECRETS) {
            assertThat(shown).as("-t -D output").doesNotContain(secret);
            assertThat(node.log()).as("the daemon's log").doesNotContain(secret);
        }
    }

    private List<Varbind> walk(List<String> security) {
        List<Varbind> all = new ArrayList<>();
        for (String root : SUBTREES) {
            all.addAll(snmp.walk("snmpwalk", AGENT_PORT, security, root));
        }
        return all;
    }

    /** The request gets no object; its output (stdout and stderr) contains {@code why}. */
    private void refused(String security, String why) {
        SnmpPeers.Output out = snmp.tool("snmpwalk", AGENT_PORT, List.of(security.split(" ")), SUBTREES.get(0));
        System.out.printf("snmpwalk %s: exit %d, %s", security.replace(AUTH, "AUTH").replace(PRIV, "PRIV"),
                out.exitCode(), out.text());
        assertThat(out.varbinds()).as(security).isEmpty();
        assertThat(out.exitCode()).as(security).isNotZero();
        assertThat(out.text()).as(security).contains(why);
    }

    /**
     * Each notification received, once (an inform resent before its acknowledgement arrived is
     * logged again by snmptrapd), as its OID and objects: what must be the same through every
     * sink. sysUpTime.0 is left out: each sink stamps its own send.
     */
    private static List<String> notifications(SnmpPeers.Receiver receiver) {
        return receiver.traps().stream().distinct().map(t -> t.oid() + " " + t.objects().stream()
                .map(v -> v.oid() + "=" + v.value()).collect(Collectors.joining(" "))).toList();
    }

    /** The instance states KEEPALIVED-MIB's state changes reported, in order. */
    private static List<String> states(SnmpPeers.Receiver receiver) {
        return receiver.traps(STATE_CHANGE).stream().distinct().flatMap(t -> t.objects().stream())
                .filter(v -> v.oid().equals(INSTANCE_STATE)).map(Varbind::value).toList();
    }
}
