package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/** The whole subagent, its thread and sockets, against a master the test drives. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AgentxSubagentTest {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5.1");
    private static final OID VRRP = new OID("1.3.6.1.2.1.68");
    private static final AgentxConfig QUICK = new AgentxConfig(100, Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5), 127, List.of());

    @TempDir
    Path dir;

    private final MibView view = FixedSection.view(
            new FixedSection(KEEPALIVED, Map.of(new OID(KEEPALIVED).append("2.0"), new OctetString("router"))),
            new FixedSection(VRRP, Map.of(new OID(VRRP).append("2.4.1.1.3.51"), new Counter64(7))));
    private AgentxSubagent subagent;

    @AfterEach
    void close() {
        if (subagent != null) {
            subagent.close();
        }
    }

    @Test
    void overAUnixSocketItRegistersAndAnswersTheMaster() throws Exception {
        Path socket = dir.resolve("master");
        try (FakeMaster master = new FakeMaster(UnixDomainSocketAddress.of(socket))) {
            start("unix:" + socket, QUICK);
            FakeMaster.Connection c = master.accept();
            assertThat(c.openAndRegister(6, 2)).extracting(AgentxPdu.Registration::subtree)
                    .containsExactly(VRRP, KEEPALIVED);
            await().atMost(FakeMaster.WAIT).until(subagent::registered);

            c.send(new AgentxPdu.Search(c.header(AgentxPduType.GET_NEXT, 1), List.of(
                    new SearchRange(VRRP, false, new OID("1.3.6.1.2.1.69")))));
            AgentxPdu.Response r = (AgentxPdu.Response) c.next(AgentxPduType.RESPONSE);
            assertThat(r.varbinds()).containsExactly(
                    new VariableBinding(new OID(VRRP).append("2.4.1.1.3.51"), new Counter64(7)));
        }
    }

    @Test
    void overTcpItRegistersAndRefusesASet() throws Exception {
        try (FakeMaster master = new FakeMaster(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) master.address()).getPort();
            start("tcp:127.0.0.1:" + port, QUICK);
            FakeMaster.Connection c = master.accept();
            c.openAndRegister(9, 2);
            c.send(new AgentxPdu.VarBinds(c.header(AgentxPduType.TEST_SET, 2), List.of(
                    new VariableBinding(new OID(KEEPALIVED).append("2.0"), new OctetString("x")))));
            assertThat(((AgentxPdu.Response) c.next(AgentxPduType.RESPONSE)).error())
                    .isEqualTo(ResponseError.NOT_WRITABLE.code);
            c.send(new AgentxPdu.Bare(c.header(AgentxPduType.CLEANUP_SET, 2)));
            assertThat(c.quietFor(Duration.ofMillis(300))).as("no answer to CleanupSet").isTrue();
        }
    }

    @Test
    void notificationsQueuedWhileTheMasterIsAwayArriveInOrderOnceItIsBack() throws Exception {
        Path socket = dir.resolve("master");
        start("unix:" + socket, QUICK);
        subagent.send(notification(1));
        subagent.send(notification(2));
        try (FakeMaster master = new FakeMaster(UnixDomainSocketAddress.of(socket))) {
            FakeMaster.Connection c = master.accept();
            c.openAndRegister(6, 2);
            subagent.send(notification(3));
            assertThat(delivered(c, 3)).containsExactly(trap(1), trap(2), trap(3));
        }
    }

    @Test
    void aNotificationUnconfirmedWhenTheConnectionBreaksIsSentAgainFirst() throws Exception {
        Path socket = dir.resolve("master");
        try (FakeMaster master = new FakeMaster(UnixDomainSocketAddress.of(socket))) {
            start("unix:" + socket, QUICK);
            FakeMaster.Connection first = master.accept();
            first.openAndRegister(6, 2);
            subagent.send(notification(1));
            subagent.send(notification(2));
            AgentxPdu.VarBinds unanswered = (AgentxPdu.VarBinds) first.next(AgentxPduType.NOTIFY);
            assertThat(unanswered.varbinds().get(1).getVariable()).isEqualTo(trap(1));
            first.close();
            subagent.send(notification(3));

            FakeMaster.Connection second = master.accept();
            second.openAndRegister(7, 2);
            assertThat(delivered(second, 3)).containsExactly(trap(1), trap(2), trap(3));
            assertThat(subagent.droppedNotifications()).isZero();
        }
    }

    @Test
    void sendNeverWaitsAndAFullQueueLosesItsOldest() {
        AgentxConfig small = new AgentxConfig(5, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(1), 127, List.of());
        start("unix:" + dir.resolve("nobody-listens"), small);
        for (int i = 0; i < 10_000; i++) {
            subagent.send(notification(i));
        }
        assertThat(subagent.droppedNotifications()).isEqualTo(10_000 - 5);
    }

    @Test
    void closingDeliversWhatIsQueuedAndClosesTheSession() throws Exception {
        Path socket = dir.resolve("master");
        try (FakeMaster master = new FakeMaster(UnixDomainSocketAddress.of(socket))) {
            start("unix:" + socket, QUICK);
            FakeMaster.Connection c = master.accept();
            c.openAndRegister(6, 2);
            await().atMost(FakeMaster.WAIT).until(subagent::registered);
            subagent.send(notification(1));
            Thread closer = new Thread(subagent::close);
            closer.start();
            AgentxPdu notify = c.next(AgentxPduType.NOTIFY);
            c.respond(notify, 0);
            AgentxPdu.Close close = (AgentxPdu.Close) c.next(AgentxPduType.CLOSE);
            assertThat(close.reason()).isEqualTo(CloseReason.SHUTDOWN.code);
            c.respond(close, 0);
            closer.join(FakeMaster.WAIT.toMillis());
            assertThat(closer.isAlive()).isFalse();
            assertThat(subagent.registered()).isFalse();
        }
    }

    @Test
    void overUdpEachPduIsADatagramAnsweredToItsSender() throws Exception {
        try (DatagramChannel master = DatagramChannel.open()) {
            master.bind(new InetSocketAddress("127.0.0.1", 0));
            start("udp:127.0.0.1:" + ((InetSocketAddress) master.getLocalAddress()).getPort(), QUICK);
            subagent.send(notification(1));
            List<AgentxPduType> seen = new ArrayList<>();
            while (!seen.contains(AgentxPduType.NOTIFY)) {
                ByteBuffer datagram = ByteBuffer.allocate(65_536);
                SocketAddress from = master.receive(datagram);
                AgentxPdu pdu = new AgentxDecoder().decode(datagram.flip()).pdu();
                seen.add(pdu.header().type());
                AgentxHeader h = pdu.header();
                master.send(ByteBuffer.wrap(new AgentxEncoder().encode(new AgentxPdu.Response(new AgentxHeader(
                        AgentxPduType.RESPONSE, h.flags(), 3, h.transactionId(), h.packetId(), null), 1, 0, 0,
                        List.of()))), from);
            }
            assertThat(seen).containsExactly(AgentxPduType.OPEN, AgentxPduType.REGISTER, AgentxPduType.REGISTER,
                    AgentxPduType.NOTIFY);
        }
    }

    private void start(String address, AgentxConfig config) {
        subagent = new AgentxSubagent(AgentxAddress.parse(address), view, "keepalived4j test", Clock.systemUTC(),
                config);
        subagent.start();
    }

    /** Receives and confirms {@code count} notifications; returns their trap OIDs in arrival order. */
    private static List<OID> delivered(FakeMaster.Connection c, int count) throws InterruptedException {
        List<OID> traps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AgentxPdu.VarBinds notify = (AgentxPdu.VarBinds) c.next(AgentxPduType.NOTIFY);
            traps.add((OID) notify.varbinds().get(1).getVariable());
            c.respond(notify, 0);
        }
        return traps;
    }

    private static OID trap(int n) {
        return new OID("1.3.6.1.4.1.9586.100.5.2.10.0").append(n);
    }

    private static Notification notification(int n) {
        return new Notification(trap(n), List.of(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4.1"), new Integer32(n))));
    }
}
