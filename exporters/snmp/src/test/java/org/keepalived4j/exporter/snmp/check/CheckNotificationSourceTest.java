package org.keepalived4j.exporter.snmp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.global.SnmpWalkText;
import org.keepalived4j.model.DaemonStopping;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

class CheckNotificationSourceTest {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5");
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");
    private static Map<String, List<String>> expected;

    private final CheckNotificationSource source = new CheckNotificationSource();

    @BeforeAll
    static void readExpected() throws IOException {
        expected = read("check-notifications-expected.txt");
    }

    @Test
    void realServerOfAnIpv4ServiceNamesItByAddressAndPort() {
        VirtualServerSnapshot vs = CheckStates.addressV4();

        assertThat(sent(rsEvent(vs, 0, true, false), CheckStates.rich())).containsExactly(
                expected.get("realServerUpIpv4"));
    }

    @Test
    void realServerOfAnIpv6Service() {
        VirtualServerSnapshot vs = down(CheckStates.addressV6(), 0);

        assertThat(sent(rsEvent(vs, 0, false, false), CheckStates.rich())).containsExactly(
                expected.get("realServerDownIpv6"));
    }

    @Test
    void realServerOfAFwmarkServiceNamesItByMark() {
        VirtualServerSnapshot vs = CheckStates.fwmark();

        assertThat(sent(rsEvent(vs, 0, false, false), CheckStates.rich())).containsExactly(
                expected.get("realServerDownFwmark"));
    }

    @Test
    void realServerOfAGroupServiceNamesItByGroup() {
        VirtualServerSnapshot vs = CheckStates.groupV4();

        assertThat(sent(rsEvent(vs, 0, true, false), CheckStates.rich())).containsExactly(
                expected.get("realServerUpGroup"));
    }

    @Test
    void quorumLostAndGained() {
        VirtualServerSnapshot lost = quorum(CheckStates.addressV4(), false);
        VirtualServerSnapshot gained = CheckStates.groupV6();

        assertThat(sent(new VirtualServerQuorumChanged(lost, false, 3, AT), CheckStates.rich())).containsExactly(
                expected.get("quorumLostIpv4"));
        assertThat(sent(new VirtualServerQuorumChanged(gained, true, 1, AT), CheckStates.rich())).containsExactly(
                expected.get("quorumGainedGroup"));
    }

    @Test
    void quorumAtAStopIsShutdown() {
        VirtualServerSnapshot vs = quorum(down(CheckStates.fwmark(), 1), false);

        assertThat(sent(new VirtualServerQuorumChanged(vs, false, 0, true, AT), CheckStates.rich())).containsExactly(
                expected.get("quorumAtStopFwmark"));
    }

    @Test
    void sendsNothingWithoutEnableTrapsOrEnableSnmpChecker() {
        StateEvent event = rsEvent(CheckStates.addressV4(), 0, true, false);
        StateSnapshot noTraps = withDaemon(false, true, "no");
        StateSnapshot noChecker = withDaemon(true, false, "no");

        assertThat(source.notifications(event, noTraps)).isEmpty();
        assertThat(source.notifications(event, noChecker)).isEmpty();
        assertThat(source.notifications(new VirtualServerQuorumChanged(CheckStates.addressV4(), true, 3, AT),
                noTraps)).isEmpty();
    }

    @Test
    void aStopReportsRealServersOnlyWhenItRemovesThemOneByOne() {
        VirtualServerSnapshot vs = down(CheckStates.addressV4(), 0);
        StateEvent stop = rsEvent(vs, 0, false, true);
        StateEvent quorum = new VirtualServerQuorumChanged(vs, false, 0, true, AT);

        assertThat(source.notifications(stop, withDaemon(true, true, "no"))).hasSize(1);
        assertThat(source.notifications(stop, withDaemon(true, true, "vs"))).isEmpty();
        assertThat(source.notifications(stop, withDaemon(true, true, "full"))).isEmpty();
        assertThat(source.notifications(quorum, withDaemon(true, true, "full"))).hasSize(1);
    }

    @Test
    void otherEventsSendNothing() {
        assertThat(source.notifications(new DaemonStopping(AT), CheckStates.rich())).isEmpty();
    }

    private List<List<String>> sent(StateEvent event, StateSnapshot state) {
        List<List<String>> out = new ArrayList<>();
        for (Notification n : source.notifications(event, state)) {
            List<String> lines = new ArrayList<>();
            lines.add(relative(n.trapOid()));
            for (VariableBinding vb : n.varbinds()) {
                lines.add(relative(vb.getOid()) + " " + SnmpWalkText.describe(vb.getVariable()));
            }
            out.add(lines);
        }
        return out;
    }

    private static String relative(OID oid) {
        assertThat(oid.startsWith(KEEPALIVED)).as("%s is under KEEPALIVED-MIB", oid).isTrue();
        return new OID(oid.getValue(), KEEPALIVED.size(), oid.size() - KEEPALIVED.size()).toDottedString();
    }

    private static RealServerStateChanged rsEvent(VirtualServerSnapshot vs, int server, boolean up,
            boolean stopping) {
        return new RealServerStateChanged(vs.realServers().get(server), vs, up, up ? "HTTP_GET" : null, "test",
                stopping, AT);
    }

    /** The service with real server {@code server} down. */
    private static VirtualServerSnapshot down(VirtualServerSnapshot vs, int server) {
        List<RealServerSnapshot> servers = new ArrayList<>(vs.realServers());
        RealServerSnapshot r = servers.get(server);
        servers.set(server, new RealServerSnapshot(r.settings(), false, r.weight(), 1, r.checkFailures(),
                r.lastCheck(), r.lastCheckLatency(), r.lastCheckResult(), r.checkDuration(), r.stats(),
                r.effectiveWeight()));
        return vs.withRealServers(servers);
    }

    private static VirtualServerSnapshot quorum(VirtualServerSnapshot vs, boolean met) {
        return new VirtualServerSnapshot(vs.settings(), met, vs.sorryServerActive(), vs.ipvsProgrammed(), vs.stats(),
                vs.realServers());
    }

    private static StateSnapshot withDaemon(boolean traps, boolean checker, String flushOnStop) {
        StateSnapshot rich = CheckStates.rich();
        return new StateSnapshot(CheckStates.daemon(traps, checker, flushOnStop), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), rich.virtualServerGroups(), rich.virtualServers());
    }

    /** Each block's lines: the notification OID, then "OID SYNTAX VALUE" per object, as {@link #sent}. */
    private static Map<String, List<String>> read(String resource) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        try (InputStream in = CheckNotificationSourceTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.split(" ", 2);
                if (words[0].equals("notification")) {
                    String[] head = words[1].split(" ");
                    current = new ArrayList<>();
                    current.add(head[1]);
                    out.put(head[0], current);
                } else {
                    current.add(words[0] + " " + SnmpWalkText.describe(SnmpWalkText.value(words[1])));
                }
            }
        }
        return out;
    }
}
