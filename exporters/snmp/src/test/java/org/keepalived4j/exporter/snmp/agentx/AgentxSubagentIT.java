package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The subagent under the real snmpd (net-snmp 5.9): what snmpwalk, snmpbulkwalk and snmpget
 * read through snmpd is exactly the view; sets are refused; notifications reach a real
 * snmptrapd through snmpd, also those sent while snmpd restarts; and every PDU either side
 * sends, captured on the way, is one the codec reads and writes back byte for byte. Needs root
 * and net-snmp.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AgentxSubagentIT {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5.1");
    private static final OID VRRP = new OID("1.3.6.1.2.1.68");
    private static final AgentxConfig CONFIG = new AgentxConfig(100, Duration.ofSeconds(10), Duration.ofSeconds(15),
            Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5), 127, List.of());

    @TempDir
    Path dir;

    private final Map<OID, Variable> keepalived = keepalivedObjects();
    private final Map<OID, Variable> vrrp = vrrpObjects();
    private final MibView view = FixedSection.view(new FixedSection(KEEPALIVED, keepalived),
            new FixedSection(VRRP, vrrp));
    private SnmpdLab lab;
    private AgentxSubagent subagent;

    @BeforeEach
    void start() throws Exception {
        lab = new SnmpdLab(dir);
        lab.startSnmptrapd();
        lab.startSnmpd();
        subagent = new AgentxSubagent(AgentxAddress.parse("unix:" + lab.socket()), view, "keepalived4j IT",
                Clock.systemUTC(), CONFIG);
        subagent.start();
        await().atMost(SnmpdLab.WAIT).until(subagent::registered);
    }

    @AfterEach
    void stop() throws Exception {
        if (subagent != null) {
            subagent.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void snmpwalkAndSnmpbulkwalkThroughSnmpdReadExactlyTheView() throws Exception {
        assertThat(keepalived.size() + vrrp.size()).isGreaterThan(300);
        for (Map.Entry<OID, Map<OID, Variable>> subtree : Map.of(KEEPALIVED, keepalived, VRRP, vrrp).entrySet()) {
            String root = "." + subtree.getKey();
            List<String> expected = lines(subtree.getValue());
            assertThat(lab.tool("snmpwalk", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, root).lines())
                    .as("snmpwalk %s", root).containsExactlyElementsOf(expected);
            assertThat(lab.tool("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-Cr25", SnmpdLab.AGENT, root)
                    .lines()).as("snmpbulkwalk %s", root).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aTableOfTenThousandObjectsWalksCompletelyThroughSnmpd() throws Exception {
        OID root = new OID("1.3.6.1.2.1.207");
        Map<OID, Variable> big = new TreeMap<>();
        for (int r = 1; r <= 5000; r++) {
            big.put(new OID(root).append("1.1.1.1.3").append(r), new Integer32(r));
            big.put(new OID(root).append("1.1.1.2.3").append(r), new OctetString("instance " + r));
        }
        MibView bigView = FixedSection.view(Duration.ofSeconds(5), new FixedSection(root, big));
        try (AgentxSubagent second = new AgentxSubagent(AgentxAddress.parse("unix:" + lab.socket()), bigView,
                "keepalived4j IT, big table", Clock.systemUTC(), CONFIG)) {
            second.start();
            await().atMost(SnmpdLab.WAIT).until(second::registered);
            assertThat(lab.tool("snmpbulkwalk", "-v2c", "-c", "public", "-On", "-Cr50", SnmpdLab.AGENT, "." + root)
                    .lines()).containsExactlyElementsOf(lines(big));
        }
    }

    @Test
    void everyPduExchangedWithSnmpdEncodesBackToTheSameBytes() throws Exception {
        OID root = new OID("1.3.6.1.2.1.207");
        Map<OID, Variable> objects = Map.of(new OID(root).append("1.1.1.1.3.1"), new Integer32(1),
                new OID(root).append("1.1.1.2.3.1"), new OctetString("VI_1"));
        AgentxConfig pinging = new AgentxConfig(100, Duration.ofSeconds(10), Duration.ofMillis(500),
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5), 127,
                List.of(new AgentxConfig.Capability(root, "The MIB module for VRRPV3")));
        Set<AgentxPduType> seen = EnumSet.noneOf(AgentxPduType.class);
        try (AgentxTap tap = new AgentxTap(dir.resolve("tap.sock"), lab.socket())) {
            AgentxSubagent tapped = new AgentxSubagent(AgentxAddress.parse("unix:" + dir.resolve("tap.sock")),
                    FixedSection.view(new FixedSection(root, objects)), "keepalived4j IT, tapped", Clock.systemUTC(),
                    pinging);
            tapped.start();
            await().atMost(SnmpdLab.WAIT).until(tapped::registered);
            lab.tool("snmpwalk", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, "." + root);
            lab.tool("snmpget", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, "." + root + ".1.1.1.1.3.2");
            lab.tool("snmpset", "-v2c", "-c", "private", "-On", SnmpdLab.AGENT, "." + root + ".1.1.1.1.3.1", "i", "2");
            tapped.send(notification(1));
            await().atMost(SnmpdLab.WAIT).until(() -> tap.frames().stream()
                    .anyMatch(f -> f.bytes()[1] == AgentxPduType.PING.code));
            tapped.close();
            for (AgentxTap.Frame frame : tap.frames()) {
                AgentxDecodeResult result = new AgentxDecoder().decode(ByteBuffer.wrap(frame.bytes()));
                assertThat(result.error()).as(result.detail()).isNull();
                assertThat(Hex.of(new AgentxEncoder().encode(result.pdu()))).as("%s", result.pdu())
                        .isEqualTo(Hex.of(frame.fromMaster() ? withoutValueIncludeBits(frame.bytes()) : frame.bytes()));
                assertThat(result.pdu().header().has(AgentxHeader.NETWORK_BYTE_ORDER)).isTrue();
                seen.add(result.pdu().header().type());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(AgentxPduType.OPEN, AgentxPduType.REGISTER,
                AgentxPduType.ADD_AGENT_CAPS, AgentxPduType.GET, AgentxPduType.GET_NEXT, AgentxPduType.TEST_SET,
                AgentxPduType.CLEANUP_SET, AgentxPduType.NOTIFY, AgentxPduType.PING, AgentxPduType.CLOSE,
                AgentxPduType.RESPONSE);
    }

    @Test
    void snmpgetReadsValuesAndTellsMissingInstancesFromMissingObjects() throws Exception {
        OID routerId = new OID(KEEPALIVED).append("2.0");
        OID counter = new OID(VRRP).append("1.3.1.2.3.7");
        assertThat(lab.tool("snmpget", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, "." + routerId, "." + counter,
                "." + KEEPALIVED + ".2.1", "." + KEEPALIVED + ".99.0").lines()).containsExactly(
                        line(routerId, keepalived.get(routerId)),
                        line(counter, vrrp.get(counter)),
                        "." + KEEPALIVED + ".2.1 = No Such Instance currently exists at this OID",
                        "." + KEEPALIVED + ".99.0 = No Such Object available on this agent at this OID");
    }

    @Test
    void setsAreRefusedAsNotWritable() throws Exception {
        OID routerId = new OID(KEEPALIVED).append("2.0");
        SnmpdLab.Result set = lab.tool("snmpset", "-v2c", "-c", "private", "-On", SnmpdLab.AGENT, "." + routerId, "s",
                "changed");
        assertThat(set.exitCode()).isNotZero();
        assertThat(set.output()).contains("notWritable");
        assertThat(lab.tool("snmpget", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, "." + routerId).lines())
                .containsExactly(line(routerId, keepalived.get(routerId)));
    }

    @Test
    void aNotificationReachesSnmptrapdWithUpTimeAndTrapOidFirst() throws Exception {
        OID trap = new OID("1.3.6.1.4.1.9586.100.5.2.10.0.2");
        List<VariableBinding> varbinds = List.of(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1"), new OctetString("VI_1")),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4.1"), new Integer32(2)),
                new VariableBinding(new OID("1.3.6.1.2.1.68.1.3.1.7.3.51"), new IpAddress("10.98.0.1")),
                new VariableBinding(new OID("1.3.6.1.4.1.99.1"), new Counter64(1L << 40)));
        subagent.send(new Notification(trap, varbinds));
        await().atMost(SnmpdLab.WAIT).until(() -> ours(lab.traps()).size() == 1);
        List<String> fields = List.of(ours(lab.traps()).get(0).split("\t"));
        assertThat(fields.get(0)).startsWith(".1.3.6.1.2.1.1.3.0 = Timeticks: (");
        List<String> expected = new ArrayList<>(List.of(".1.3.6.1.6.3.1.1.4.1.0 = OID: ." + trap));
        varbinds.forEach(b -> expected.add(line(b.getOid(), b.getVariable())));
        assertThat(fields.subList(1, fields.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void afterSnmpdRestartsItRegistersAgainAndTheGapsNotificationsArriveInOrder() throws Exception {
        subagent.send(notification(1));
        await().atMost(SnmpdLab.WAIT).until(() -> ours(lab.traps()).size() == 1);

        lab.stopSnmpd();
        await().atMost(SnmpdLab.WAIT).until(() -> !subagent.registered());
        for (int n = 2; n <= 6; n++) {
            subagent.send(notification(n));
        }
        lab.startSnmpd();
        await().atMost(SnmpdLab.WAIT).until(subagent::registered);
        subagent.send(notification(7));

        await().atMost(SnmpdLab.WAIT).until(() -> ours(lab.traps()).size() >= 7);
        List<String> trapOids = new ArrayList<>();
        for (String trap : ours(lab.traps())) {
            trapOids.add(trap.split("\t")[1]);
        }
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            expected.add(".1.3.6.1.6.3.1.1.4.1.0 = OID: ." + trapOid(n));
        }
        assertThat(trapOids).containsExactlyElementsOf(expected);
        assertThat(subagent.droppedNotifications()).isZero();
        assertThat(lab.tool("snmpwalk", "-v2c", "-c", "public", "-On", SnmpdLab.AGENT, "." + VRRP).lines())
                .containsExactlyElementsOf(lines(vrrp));
    }

    /**
     * The bytes with the include byte of OID values cleared: net-snmp sets it on every OID value
     * it encodes (its Response echoing a Notify, keepalived's Notify), where only a SearchRange's
     * start gives it a meaning. Found by walking the VarBinds of a Response.
     */
    private static byte[] withoutValueIncludeBits(byte[] pdu) {
        byte[] copy = pdu.clone();
        if (copy[1] != AgentxPduType.RESPONSE.code) {
            return copy;
        }
        ByteBuffer in = ByteBuffer.wrap(copy);
        int at = AgentxHeader.LENGTH + 8;
        while (at < copy.length) {
            AgentxValueType type = AgentxValueType.of(in.getShort(at) & 0xFFFF);
            at = skipOid(copy, at + 4);
            switch (type.layout) {
                case OID -> {
                    copy[at + 2] = 0;
                    at = skipOid(copy, at);
                }
                case OCTETS -> at += 4 + (in.getInt(at) + 3) / 4 * 4;
                case INT64 -> at += 8;
                case INT32 -> at += 4;
                case NONE -> { }
            }
        }
        return copy;
    }

    private static int skipOid(byte[] pdu, int at) {
        return at + 4 + 4 * (pdu[at] & 0xFF);
    }

    /** The traps this test sent: snmpd adds its own coldStart and shutdown notifications. */
    private static List<String> ours(List<String> traps) {
        return traps.stream().filter(t -> t.contains("OID: .1.3.6.1.4.1.9586.100.5.2.10.0.")).toList();
    }

    private static OID trapOid(int n) {
        return new OID("1.3.6.1.4.1.9586.100.5.2.10.0").append(n);
    }

    private static Notification notification(int n) {
        return new Notification(trapOid(n), List.of(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1"), new OctetString("VI_" + n))));
    }

    /** Two scalars and a 40-row table with a column of each of seven types. */
    private static Map<OID, Variable> keepalivedObjects() {
        Map<OID, Variable> objects = new TreeMap<>();
        objects.put(new OID(KEEPALIVED).append("1.0"), new OctetString("Keepalived4j v0.1.0"));
        objects.put(new OID(KEEPALIVED).append("2.0"), new OctetString("lab-router"));
        for (int r = 1; r <= 40; r++) {
            OID entry = new OID(KEEPALIVED).append("3.1");
            objects.put(new OID(entry).append(1).append(r), new Integer32(r % 2 == 0 ? r : -r));
            objects.put(new OID(entry).append(2).append(r), new OctetString("row " + r));
            objects.put(new OID(entry).append(3).append(r), new Gauge32(r * 1000L));
            objects.put(new OID(entry).append(4).append(r), new Counter32(4294967295L - r));
            objects.put(new OID(entry).append(5).append(r), new TimeTicks(r * 360_001L));
            objects.put(new OID(entry).append(6).append(r), new IpAddress("10.0." + r + ".1"));
            objects.put(new OID(entry).append(7).append(r), new OctetString(new byte[] {0, (byte) r, (byte) 0xff}));
        }
        return objects;
    }

    /** A 40-row table indexed like vrrpOperTable (ifIndex.vrid) with OID and Counter64 columns. */
    private static Map<OID, Variable> vrrpObjects() {
        Map<OID, Variable> objects = new TreeMap<>();
        objects.put(new OID(VRRP).append("1.1.0"), new Integer32(2));
        for (int r = 1; r <= 40; r++) {
            OID entry = new OID(VRRP).append("1.3.1");
            objects.put(new OID(entry).append(1).append(3).append(r), new OID("1.3.6.1.4.1.9586").append(r));
            objects.put(new OID(entry).append(2).append(3).append(r), new Counter64((1L << 40) + r));
        }
        return objects;
    }

    private static List<String> lines(Map<OID, Variable> objects) {
        List<String> lines = new ArrayList<>();
        objects.forEach((oid, value) -> lines.add(line(oid, value)));
        return lines;
    }

    /** A varbind as net-snmp's tools print it with {@code -On}. */
    static String line(OID oid, Variable value) {
        return "." + oid + " = " + text(value);
    }

    private static String text(Variable value) {
        if (value instanceof Integer32) {
            return "INTEGER: " + value.toInt();
        } else if (value instanceof IpAddress) {
            return "IpAddress: " + value;
        } else if (value instanceof Counter64) {
            return "Counter64: " + Long.toUnsignedString(value.toLong());
        } else if (value instanceof Counter32) {
            return "Counter32: " + value.toLong();
        } else if (value instanceof TimeTicks) {
            long t = value.toLong();
            long days = t / 8_640_000;
            String day = days == 0 ? "" : days + (days == 1 ? " day, " : " days, ");
            return String.format(Locale.ROOT, "Timeticks: (%d) %s%d:%02d:%02d.%02d", t, day, t / 360_000 % 24,
                    t / 6000 % 60, t / 100 % 60, t % 100);
        } else if (value instanceof Gauge32) {
            return "Gauge32: " + value.toLong();
        } else if (value instanceof OID) {
            return "OID: ." + value;
        } else if (value instanceof OctetString s) {
            boolean printable = true;
            for (byte b : s.getValue()) {
                printable &= b >= 0x20 && b < 0x7f;
            }
            return printable ? "STRING: \"" + s + "\""
                    : "Hex-STRING: " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(s.getValue()) + " ";
        }
        throw new IllegalArgumentException("no net-snmp text for " + value.getSyntaxString());
    }
}
