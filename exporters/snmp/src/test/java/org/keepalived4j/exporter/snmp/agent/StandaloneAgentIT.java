package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.TestSettings;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** The standalone agent as net-snmp's snmpwalk, snmpbulkwalk, snmpget and snmpset see it. */
class StandaloneAgentIT {

    private static final TestMibView VIEW = new TestMibView();
    private static final String V3_PRIV = "-v3 -u monitor -l authPriv -a SHA-256 -A authpass1 -x AES -X privpass1";
    private static StandaloneSnmp snmp;
    private static String udp;
    private static String tcp;
    private static String udp6;

    @BeforeAll
    static void start() throws Exception {
        NetSnmpTool.require("/usr/bin/snmpwalk");
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings settings = SnmpAgentSettings.parse(TestSettings.block("keepalived4j_snmp",
                "agentaddress udp:127.0.0.1:0,tcp:127.0.0.1:0,udp6:[::1]:0",
                "engineID k4j-it",
                "rocommunity6 public6 ::1/128",
                "rocommunity public 127.0.0.1",
                "rocommunity elsewhere 10.0.0.0/8",
                "rocommunity vrrponly 127.0.0.0/8 .1.3.6.1.2.1.68",
                "createUser monitor SHA-256 authpass1 AES privpass1",
                "createUser strong SHA-512 authpass1 AES-256 privpass1",
                "createUser signer SHA authpass1",
                "createUser unlisted SHA authpass1",
                "rouser monitor priv",
                "rouser strong priv",
                "rouser signer auth"), problems);
        assertThat(problems).isEmpty();
        snmp = StandaloneSnmp.start(settings, VIEW, Clock.systemUTC());
        List<InetSocketAddress> bound = snmp.agentAddresses();
        udp = "udp:127.0.0.1:" + bound.get(0).getPort();
        tcp = "tcp:127.0.0.1:" + bound.get(1).getPort();
        udp6 = "udp6:[::1]:" + bound.get(2).getPort();
    }

    @AfterAll
    static void stop() {
        if (snmp != null) {
            snmp.close();
        }
    }

    private static List<String> tool(String program, String options, String agent, String... oids) throws Exception {
        List<String> c = new ArrayList<>(List.of(program, "-On", "-t", "2", "-r", "1"));
        c.addAll(List.of(options.split(" ")));
        c.add(agent);
        c.addAll(List.of(oids));
        return NetSnmpTool.run(c.toArray(String[]::new)).lines();
    }

    /** A line as snmpwalk -On prints {@code oid = value}. */
    static String line(OID oid, Variable v) {
        String value;
        if (v instanceof Opaque o) {
            value = "OPAQUE: " + hex(o.toHexString());
        } else if (v instanceof OctetString o) {
            value = isText(o) ? "STRING: \"" + o + "\"" : "Hex-STRING: " + hex(o.toHexString());
        } else if (v instanceof OID o) {
            value = "OID: ." + o;
        } else if (v instanceof TimeTicks t) {
            value = "Timeticks: (" + t.getValue() + ") " + ticks(t.getValue());
        } else if (v instanceof Gauge32) {
            value = "Gauge32: " + v;
        } else if (v instanceof Counter32) {
            value = "Counter32: " + v;
        } else if (v instanceof Counter64) {
            value = "Counter64: " + v;
        } else if (v instanceof IpAddress) {
            value = "IpAddress: " + v;
        } else {
            value = "INTEGER: " + v;
        }
        return "." + oid + " = " + value;
    }

    private static boolean isText(OctetString s) {
        for (byte b : s.getValue()) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String hex(String colonHex) {
        return colonHex.replace(':', ' ').toUpperCase();
    }

    private static String ticks(long centis) {
        long s = centis / 100;
        return String.format("%d:%02d:%02d.%02d", s / 3600, s / 60 % 60, s % 60, centis % 100);
    }

    private static List<String> expected(OID root, boolean v1) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<OID, Variable> e : VIEW.under(root).entrySet()) {
            if (!(v1 && e.getValue() instanceof Counter64)) {
                lines.add(line(e.getKey(), e.getValue()));
            }
        }
        return lines;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    @Test
    void walksEachSubtreeWithSnmpwalk() throws Exception {
        for (OID root : List.of(TestMibView.KEEPALIVED, TestMibView.VRRP, TestMibView.VRRPV3)) {
            assertThat(trimmed(tool("snmpwalk", "-v2c -c public", udp, "." + root))).containsExactlyElementsOf(
                    expected(root, false));
        }
        assertThat(VIEW.objects()).hasSizeGreaterThan(300);
    }

    @Test
    void walksEverythingWithSnmpbulkwalkOverUdpAndTcp() throws Exception {
        List<String> all = new ArrayList<>(expected(TestMibView.VRRP, false));
        all.addAll(expected(TestMibView.VRRPV3, false));
        all.addAll(expected(TestMibView.KEEPALIVED, false));
        for (String agent : List.of(udp, tcp)) {
            for (String repetitions : List.of("-Cr10", "-Cr200")) {
                List<String> walked = trimmed(tool("snmpbulkwalk", "-v2c -c public " + repetitions, agent, ".1.3.6.1.2.1.68"));
                assertThat(walked).containsExactlyElementsOf(expected(TestMibView.VRRP, false));
                List<String> whole = trimmed(tool("snmpbulkwalk", "-v2c -c public " + repetitions, agent, ".1.3.6.1.2.1.68.1"));
                assertThat(whole).containsExactlyElementsOf(expected(new OID("1.3.6.1.2.1.68.1"), false));
            }
            List<String> everything = trimmed(tool("snmpbulkwalk", "-v2c -c public -Cr50", agent, ".1.3.6.1.2.1.68"));
            assertThat(everything).hasSize(expected(TestMibView.VRRP, false).size());
            List<String> mib = trimmed(tool("snmpbulkwalk", "-v2c -c public -Cr50", agent, ".1"));
            assertThat(mib.stream().filter(l -> (l.startsWith(".1.3.6.1.2.1.68") || l.startsWith(".1.3.6.1.2.1.207")
                    || l.startsWith(".1.3.6.1.4.1.9586")) && !l.contains("No more variables")).toList())
                    .containsExactlyElementsOf(all);
            assertThat(mib.get(mib.size() - 1)).endsWith("No more variables left in this MIB View (It is past the end of the MIB tree)");
        }
    }

    @Test
    void walksWithSnmpv1WithoutCounter64() throws Exception {
        assertThat(trimmed(tool("snmpwalk", "-v1 -c public", udp, "." + TestMibView.KEEPALIVED)))
                .containsExactlyElementsOf(expected(TestMibView.KEEPALIVED, true));
    }

    @Test
    void servesSysUpTimeAndCountsRefusedCommunities() throws Exception {
        List<String> up = tool("snmpget", "-v2c -c public", udp, ".1.3.6.1.2.1.1.3.0");
        assertThat(up).singleElement().asString().startsWith(".1.3.6.1.2.1.1.3.0 = Timeticks: (");
        String before = tool("snmpget", "-v2c -c public", udp, ".1.3.6.1.2.1.11.4.0").get(0);
        assertThat(tool("snmpget", "-v2c -c wrong", udp, ".1.3.6.1.2.1.1.3.0")).containsExactly("Timeout: No Response from " + udp + ".");
        String after = tool("snmpget", "-v2c -c public", udp, ".1.3.6.1.2.1.11.4.0").get(0);
        // the wrong community was tried twice (-r 1)
        assertThat(counter(after) - counter(before)).isEqualTo(2);
    }

    private static long counter(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void servesItsEngine() throws Exception {
        assertThat(tool("snmpget", "-v2c -c public", udp, ".1.3.6.1.6.3.10.2.1.1.0").get(0).strip())
                .isEqualTo(".1.3.6.1.6.3.10.2.1.1.0 = Hex-STRING: 80 00 1F 88 04 6B 34 6A 2D 69 74");
    }

    @Test
    void answersOverIpv6OnlyToRocommunity6() throws Exception {
        assertThat(trimmed(tool("snmpwalk", "-v2c -c public6", udp6, "." + TestMibView.VRRPV3)))
                .containsExactlyElementsOf(expected(TestMibView.VRRPV3, false));
        assertThat(tool("snmpget", "-v2c -c public", udp6, ".1.3.6.1.2.1.1.3.0"))
                .containsExactly("Timeout: No Response from " + udp6 + ".");
        assertThat(tool("snmpget", "-v2c -c public6", udp, ".1.3.6.1.2.1.1.3.0"))
                .containsExactly("Timeout: No Response from " + udp + ".");
    }

    @Test
    void answersNothingToAWrongCommunityOrSource() throws Exception {
        assertThat(tool("snmpwalk", "-v2c -c wrong", udp, ".1.3.6.1.4.1.9586")).containsExactly("Timeout: No Response from " + udp);
        assertThat(tool("snmpget", "-v1 -c elsewhere", udp, ".1.3.6.1.2.1.1.3.0")).containsExactly("Timeout: No Response from " + udp + ".");
        assertThat(tool("snmpbulkwalk", "-v2c -c elsewhere", tcp, ".1.3.6.1.4.1.9586")).containsExactly("Timeout: No Response from " + tcp);
    }

    @Test
    void restrictsACommunityToItsSubtree() throws Exception {
        List<String> vrrp = new ArrayList<>(expected(TestMibView.VRRP, false));
        String last = vrrp.get(vrrp.size() - 1);
        vrrp.add(last.substring(0, last.indexOf(" = "))
                + " = No more variables left in this MIB View (It is past the end of the MIB tree)");
        assertThat(trimmed(tool("snmpwalk", "-v2c -c vrrponly", udp, ".1"))).containsExactlyElementsOf(vrrp);
        assertThat(tool("snmpget", "-v2c -c vrrponly", udp, ".1.3.6.1.4.1.9586.100.5.1.1.1.0"))
                .containsExactly(".1.3.6.1.4.1.9586.100.5.1.1.1.0 = No Such Object available on this agent at this OID");
    }

    @Test
    void reportsMissingObjectsAsNetSnmpDoes() throws Exception {
        assertThat(tool("snmpget", "-v2c -c public", udp, ".1.3.6.1.4.1.9586.100.5.1.1.1.1", ".1.3.6.1.4.1.9586.100.5.9.0"))
                .containsExactly(".1.3.6.1.4.1.9586.100.5.1.1.1.1 = No Such Instance currently exists at this OID",
                        ".1.3.6.1.4.1.9586.100.5.9.0 = No Such Object available on this agent at this OID");
        assertThat(tool("snmpget", "-v1 -c public", udp, ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.4.1.9586.100.5.9.0"))
                .contains("Reason: (noSuchName) There is no such variable name in this MIB.",
                        "Failed object: .1.3.6.1.4.1.9586.100.5.9.0");
    }

    @Test
    void refusesEverySet() throws Exception {
        String oid = ".1.3.6.1.4.1.9586.100.5.1.1.2.0";
        assertThat(tool("snmpset", "-v2c -c public", udp, oid, "s", "x"))
                .containsExactly("Error in packet.", "Reason: noAccess", "Failed object: " + oid);
        assertThat(tool("snmpset", "-v2c -c public", tcp, ".1.3.6.1.2.1.1.5.0", "s", "x"))
                .containsExactly("Error in packet.", "Reason: noAccess", "Failed object: .1.3.6.1.2.1.1.5.0");
        assertThat(tool("snmpset", "-v1 -c public", udp, oid, "s", "x"))
                .containsExactly("Error in packet.", "Reason: (noSuchName) There is no such variable name in this MIB.",
                        "Failed object: " + oid);
        assertThat(tool("snmpset", V3_PRIV, udp, oid, "s", "x"))
                .containsExactly("Error in packet.", "Reason: noAccess", "Failed object: " + oid);
        assertThat(tool("snmpset", "-v2c -c wrong", udp, oid, "s", "x")).containsExactly("Timeout: No Response from " + udp);
    }

    @Test
    void walksWithSnmpv3Users() throws Exception {
        assertThat(trimmed(tool("snmpwalk", V3_PRIV, udp, "." + TestMibView.KEEPALIVED)))
                .containsExactlyElementsOf(expected(TestMibView.KEEPALIVED, false));
        assertThat(trimmed(tool("snmpbulkwalk", "-v3 -u strong -l authPriv -a SHA-512 -A authpass1 -x AES-256 -X privpass1",
                tcp, "." + TestMibView.VRRPV3))).containsExactlyElementsOf(expected(TestMibView.VRRPV3, false));
        assertThat(trimmed(tool("snmpwalk", "-v3 -u signer -l authNoPriv -a SHA -A authpass1", udp, "." + TestMibView.VRRP)))
                .containsExactlyElementsOf(expected(TestMibView.VRRP, false));
    }

    @Test
    void refusesWrongSnmpv3Credentials() throws Exception {
        String oid = ".1.3.6.1.2.1.1.3.0";
        assertThat(tool("snmpget", "-v3 -u monitor -l authPriv -a SHA-256 -A wrongpass -x AES -X privpass1", udp, oid))
                .containsExactly("snmpget: Authentication failure (incorrect password, community or key)");
        assertThat(tool("snmpget", "-v3 -u nobody -l authPriv -a SHA-256 -A authpass1 -x AES -X privpass1", udp, oid))
                .containsExactly("snmpget: Unknown user name");
        assertThat(tool("snmpget", "-v3 -u monitor -l authNoPriv -a SHA-256 -A authpass1", udp, oid))
                .containsExactly("Error in packet", "Reason: authorizationError (access denied to that object)");
        assertThat(tool("snmpget", "-v3 -u unlisted -l authNoPriv -a SHA -A authpass1", udp, oid))
                .containsExactly("Error in packet", "Reason: authorizationError (access denied to that object)");
    }
}
