package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSink;
import org.keepalived4j.model.LogCapture;
import org.keepalived4j.model.TestSettings;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/** Traps and informs from the sinks into a real snmptrapd. */
class NotificationSinkIT {

    /** What {@code engineID k4jtest} makes: the authoritative engine of our SNMPv3 traps. */
    private static final String ENGINE_ID = "0x80001f88046b346a74657374";
    private static final OID STATE_CHANGE = new OID("1.3.6.1.4.1.9586.100.5.0.2");
    private static final OID NAME = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1");
    private static final OID STATE = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4.1");
    private static final OID OCTETS = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.6.1");
    private static final MibView NO_AGENT = new TestMibView();

    @TempDir
    static Path dir;
    private static SnmpTrapReceiver trapd;

    @BeforeAll
    static void startReceiver() throws Exception {
        trapd = SnmpTrapReceiver.start(dir, ENGINE_ID);
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        if (trapd != null) {
            trapd.close();
        }
    }

    private static StandaloneSnmp start(String... lines) throws Exception {
        List<String> all = new ArrayList<>(List.of("engineID k4jtest", "v1trapaddress 192.0.2.1"));
        all.addAll(Arrays.asList(lines));
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings settings = SnmpAgentSettings.parse(
                TestSettings.block("keepalived4j_snmp", all.toArray(String[]::new)), problems);
        assertThat(problems).isEmpty();
        return StandaloneSnmp.start(settings, NO_AGENT, bootsWithBit15Set());
    }

    /**
     * A clock at which snmpEngineBoots (seconds since 2020) has bit 15 set: snmp4j put those low
     * 16 bits of boots atop its first msgID, making it negative, which net-snmp drops.
     */
    private static Clock bootsWithBit15Set() {
        Clock now = Clock.systemUTC();
        long boots = Duration.between(Instant.parse("2020-01-01T00:00:00Z"), now.instant()).toSeconds();
        return (boots & 0x8000) != 0 ? now : Clock.offset(now, Duration.ofSeconds(0x8000));
    }

    private static Notification stateChange(String marker) {
        return new Notification(STATE_CHANGE, List.of(new VariableBinding(NAME, new OctetString(marker)),
                new VariableBinding(STATE, new Integer32(2)), new VariableBinding(OCTETS, new Counter64(1L << 40))));
    }

    /** The notification as snmptrapd -On logs an SNMPv2c or v3 one: sysUpTime.0 and snmpTrapOID.0 first. */
    private static void assertV2Line(String line, String marker) {
        String[] vbs = line.split("\t");
        assertThat(vbs).hasSize(5);
        assertThat(vbs[0]).startsWith(".1.3.6.1.2.1.1.3.0 = Timeticks: (");
        assertThat(vbs[1]).isEqualTo(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.9586.100.5.0.2");
        assertThat(vbs[2]).isEqualTo(".1.3.6.1.4.1.9586.100.5.2.3.1.2.1 = STRING: \"" + marker + "\"");
        assertThat(vbs[3]).isEqualTo(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: 2");
        assertThat(vbs[4]).isEqualTo(".1.3.6.1.4.1.9586.100.5.2.3.1.6.1 = Counter64: 1099511627776");
    }

    private static String lineWith(List<String> lines, String marker) {
        return lines.stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    }

    @Test
    void sendsSnmpv2cTraps() throws Exception {
        try (StandaloneSnmp snmp = start("trap2sink 127.0.0.1:" + trapd.port() + " public")) {
            snmp.notifications().send(stateChange("v2c-trap"));
            assertV2Line(lineWith(trapd.await("v2c-trap"), "v2c-trap"), "v2c-trap");
        }
    }

    @Test
    void sendsSnmpv2cInformsThatAreAcknowledged() throws Exception {
        try (LogCapture log = new LogCapture();
                StandaloneSnmp snmp = start("informsink 127.0.0.1 public " + trapd.port())) {
            snmp.notifications().send(stateChange("v2c-inform"));
            assertV2Line(lineWith(trapd.await("v2c-inform"), "v2c-inform"), "v2c-inform");
            snmp.close();
            assertThat(log.text()).doesNotContain("lost", "refused");
            assertThat(trapd.count("v2c-inform")).isEqualTo(1);
        }
    }

    @Test
    void sendsSnmpv1TrapsMappedAsRfc3584Says() throws Exception {
        try (StandaloneSnmp snmp = start("trapsess -v 1 -c public 127.0.0.1:" + trapd.port())) {
            snmp.notifications().send(stateChange("v1-trap"));
            List<String> lines = trapd.await("v1-trap");
            int at = lines.indexOf(lineWith(lines, "v1-trap"));
            assertThat(lines.get(at - 2)).contains("192.0.2.1 [192.0.2.1]", "TRAP, SNMP v1, community public");
            assertThat(lines.get(at - 1)).startsWith("\t.1.3.6.1.4.1.9586.100.5 Enterprise Specific Trap (2) Uptime: ");
            // the Counter64 binding, which SNMPv1 cannot carry, is left out
            assertThat(lines.get(at)).isEqualTo("\t.1.3.6.1.4.1.9586.100.5.2.3.1.2.1 = STRING: \"v1-trap\""
                    + "\t.1.3.6.1.4.1.9586.100.5.2.3.1.4.1 = INTEGER: 2");
        }
    }

    @Test
    void sendsSnmpv3TrapsAsTheAuthoritativeEngine() throws Exception {
        try (StandaloneSnmp snmp = start("trapsess -v 3 -u monitor -l authPriv -a SHA-256 -A authpass1 -x AES -X privpass1 "
                + "127.0.0.1:" + trapd.port())) {
            snmp.notifications().send(stateChange("v3-trap"));
            assertV2Line(lineWith(trapd.await("v3-trap"), "v3-trap"), "v3-trap");
        }
    }

    @Test
    void sendsSnmpv3InformsDiscoveringTheReceiversEngine() throws Exception {
        try (LogCapture log = new LogCapture();
                StandaloneSnmp snmp = start("trapsess -v 3 -Ci -u monitor -l authPriv -a SHA-256 -A authpass1 -x AES "
                        + "-X privpass1 127.0.0.1:" + trapd.port())) {
            snmp.notifications().send(stateChange("v3-inform"));
            assertV2Line(lineWith(trapd.await("v3-inform"), "v3-inform"), "v3-inform");
            snmp.close();
            assertThat(log.text()).doesNotContain("lost", "refused");
        }
    }

    @Test
    void givesUpAnUnansweredInformWithALoggedLoss() throws Exception {
        try (DeadReceiver dead = new DeadReceiver(); LogCapture log = new LogCapture()) {
            try (StandaloneSnmp snmp = start("trapsess -v 2c -c public -Ci -r 1 -t 0.2 127.0.0.1:" + dead.port())) {
                snmp.notifications().send(stateChange("lost-inform"));
                for (int i = 0; i < 300 && !log.text().contains("lost"); i++) {
                    Thread.sleep(100);
                }
            }
            assertThat(log.text()).contains("SNMP inform 1.3.6.1.4.1.9586.100.5.0.2 to udp:127.0.0.1:" + dead.port()
                    + " lost: no acknowledgement after 2 tries");
            assertThat(dead.received()).isEqualTo(2);
        }
    }

    /**
     * A thousand informs to a receiver that never answers, beside a trap sink that works: the
     * caller is never held up, and the working sink's traps keep arriving. After the burst, paced
     * probes measure how long the working sink's traps take to reach snmptrapd while the dead
     * sink is still retrying its queue. The figures go to the test's output (and
     * target/sink-isolation.txt), not into assertions: those only have bounds no busy machine
     * comes near.
     */
    @Test
    void aDeadInformReceiverDelaysNeitherTheCallerNorAnotherSink() throws Exception {
        int count = 1000;
        int probes = 20;
        try (DeadReceiver dead = new DeadReceiver();
                StandaloneSnmp snmp = start("informsink 127.0.0.1:" + dead.port() + " public",
                        "trap2sink 127.0.0.1:" + trapd.port() + " public")) {
            NotificationSink sink = snmp.notifications();
            long udpBufferDrops = UdpStatistics.receiveBufferErrors();
            long[] sendNanos = new long[count + probes];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                sink.send(stateChange("burst-" + i + "-end"));
                sendNanos[i] = System.nanoTime() - t0;
            }
            long burstSent = System.nanoTime();
            long burstArrived = settle("burst-");
            long burstSettled = System.nanoTime();
            long burstDrops = UdpStatistics.receiveBufferErrors() - udpBufferDrops;
            long[] probeNanos = new long[probes];
            for (int i = 0; i < probes; i++) {
                String marker = "probe-" + i + "-end";
                long t0 = System.nanoTime();
                sink.send(stateChange(marker));
                sendNanos[count + i] = System.nanoTime() - t0;
                trapd.await(marker);
                probeNanos[i] = System.nanoTime() - t0;
                Thread.sleep(50);
            }
            int deadDatagrams = dead.received();
            long c0 = System.nanoTime();
            snmp.close();
            long closeNanos = System.nanoTime() - c0;
            long[] sends = sendNanos.clone();
            Arrays.sort(sends);
            long[] probeSorted = probeNanos.clone();
            Arrays.sort(probeSorted);
            String figures = String.format(
                    "%d notifications to a dead informsink (net-snmp's 5 retries, 1 s timeout) and a live trap2sink, then %d paced probes:%n"
                            + "  send(): all %d calls %.1f ms in total; median %.1f us, p99 %.1f us, max %.1f us%n"
                            + "  burst: last send() returned %.1f ms after the first; snmptrapd logged %d of the %d traps"
                            + " (%d datagrams dropped by full UDP receive buffers meanwhile), settled %.0f ms after the first send%n"
                            + "  probes through the live sink while the dead one retries: send to snmptrapd's log median %.1f ms, max %.1f ms%n"
                            + "  dead informsink: %d datagrams reached it; close() took %.0f ms%n",
                    count, probes, count + probes, Arrays.stream(sendNanos).sum() / 1e6, sends[sends.length / 2] / 1e3,
                    sends[sends.length * 99 / 100] / 1e3, sends[sends.length - 1] / 1e3, (burstSent - start) / 1e6,
                    burstArrived, count, burstDrops, (burstSettled - start) / 1e6, probeSorted[probes / 2] / 1e6,
                    probeSorted[probes - 1] / 1e6, deadDatagrams, closeNanos / 1e6);
            System.out.print(figures);
            Files.writeString(Path.of("target", "sink-isolation.txt"), figures);
            assertThat(burstArrived).as("burst traps at the working sink").isPositive();
            assertThat(sends[sends.length - 1]).as("slowest send() in ns").isLessThan(1_000_000_000L);
            assertThat(probeSorted[probes - 1]).as("slowest probe in ns").isLessThan(30_000_000_000L);
            assertThat(closeNanos).as("close() in ns").isLessThan(30_000_000_000L);
        }
    }

    /** Waits until snmptrapd has logged no new line with {@code marker} for a second; how many it logged. */
    private static long settle(String marker) throws Exception {
        long seen = -1;
        for (int i = 0; i < 120; i++) {
            long now = trapd.count(marker);
            if (now == seen) {
                return now;
            }
            seen = now;
            Thread.sleep(1000);
        }
        return seen;
    }
}
