package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.model.LogCapture;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/** The session's behaviour with time passed in and a link that records: no socket, no sleep. */
class AgentxSessionTest {

    private static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5.1");
    private static final OID VRRP = new OID("1.3.6.1.2.1.68");
    private static final AgentxConfig CONFIG = new AgentxConfig(3, Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(2), 127, List.of());

    private final NotificationQueue queue = new NotificationQueue(CONFIG.queueCapacity());
    private AgentxSession session = session(CONFIG);
    private RecordingLink link;
    private long now = 1_000_000;

    private AgentxSession session(AgentxConfig config) {
        return new AgentxSession(config, FixedSection.view(
                new FixedSection(KEEPALIVED, Map.of(new OID(KEEPALIVED).append("2.0"), new OctetString("router"))),
                new FixedSection(VRRP, Map.of(new OID(VRRP).append("1.1.0"), new Integer32(2)))),
                "keepalived4j test", "unix:/test", queue);
    }

    @Test
    void opensWithItsDescriptionThenRegistersEachRootAtPriority127() {
        connect();
        AgentxPdu.Open open = (AgentxPdu.Open) link.last();
        assertThat(open.description()).isEqualTo("keepalived4j test");
        assertThat(open.timeout()).isZero();
        assertThat(open.header().has(AgentxHeader.NETWORK_BYTE_ORDER)).isTrue();

        answer(open, 0, 4711);
        AgentxPdu.Registration first = (AgentxPdu.Registration) link.last();
        assertThat(first.header().sessionId()).isEqualTo(42);
        assertThat(first.subtree()).isEqualTo(VRRP);
        assertThat(first.priority()).isEqualTo(127);
        assertThat(first.timeout()).isZero();
        assertThat(first.header().context()).isNull();
        assertThat(session.registered()).isFalse();

        answer(first, 0, 4711);
        AgentxPdu.Registration second = (AgentxPdu.Registration) link.last();
        assertThat(second.subtree()).isEqualTo(KEEPALIVED);
        answer(second, 0, 4711);
        assertThat(session.registered()).isTrue();
        assertThat(link.sent).hasSize(3);
    }

    @Test
    void aRefusedRegistrationIsLoggedAndTheOthersGoOn() {
        connect();
        answer(link.last(), 0, 1);
        try (LogCapture log = new LogCapture()) {
            answer(link.last(), ResponseError.DUPLICATE_REGISTRATION.code, 1);
            assertThat(log.text()).contains("refused the registration of 1.3.6.1.2.1.68: DUPLICATE_REGISTRATION");
        }
        answer(link.last(), 0, 1);
        assertThat(session.registered()).isTrue();
    }

    @Test
    void sysOrTableEntriesFollowTheRegistrations() {
        session = session(CONFIG.withCapabilities(List.of(
                new AgentxConfig.Capability(KEEPALIVED, "The MIB module for Keepalived"))));
        ready();
        AgentxPdu.AgentCaps caps = (AgentxPdu.AgentCaps) link.sent.get(3);
        assertThat(caps.header().type()).isEqualTo(AgentxPduType.ADD_AGENT_CAPS);
        assertThat(caps.description()).isEqualTo("The MIB module for Keepalived");
    }

    @Test
    void theMastersRequestsAreAnsweredFromTheView() {
        ready();
        session.received(new AgentxPdu.Search(AgentxHeader.of(AgentxPduType.GET_NEXT, 42, 7, 8),
                List.of(new SearchRange(KEEPALIVED, false, new OID("1.3.6.1.4.1.9586.100.5.2")))), now);
        AgentxPdu.Response r = (AgentxPdu.Response) link.last();
        assertThat(r.header().transactionId()).isEqualTo(7);
        assertThat(r.varbinds()).containsExactly(
                new VariableBinding(new OID(KEEPALIVED).append("2.0"), new OctetString("router")));
    }

    @Test
    void aRequestForAnotherSessionIsAnsweredNotOpen() {
        ready();
        session.received(new AgentxPdu.Search(AgentxHeader.of(AgentxPduType.GET, 41, 7, 8), List.of()), now);
        assertThat(((AgentxPdu.Response) link.last()).error()).isEqualTo(ResponseError.NOT_OPEN.code);
    }

    @Test
    void aMalformedRequestIsAnsweredParseErrorAndAMalformedResponseIgnored() {
        ready();
        AgentxHeader get = AgentxHeader.of(AgentxPduType.GET, 42, 7, 8);
        session.malformed(AgentxDecodeResult.failed(AgentxDecodeError.MALFORMED_PAYLOAD, get, "cut"));
        assertThat(((AgentxPdu.Response) link.last()).error()).isEqualTo(ResponseError.PARSE_ERROR.code);
        int sent = link.sent.size();
        session.malformed(AgentxDecodeResult.failed(AgentxDecodeError.MALFORMED_PAYLOAD,
                AgentxHeader.of(AgentxPduType.RESPONSE, 42, 0, 9), "cut"));
        assertThat(link.sent).hasSize(sent);
    }

    @Test
    void notificationsGoOneAtATimeWithSnmpdsUpTimeAndTheTrapOidFirst() {
        ready();
        queue.offer(notification(1));
        queue.offer(notification(2));
        now += 2_000;
        session.tick(now);
        AgentxPdu.VarBinds first = (AgentxPdu.VarBinds) link.last();
        assertThat(first.header().type()).isEqualTo(AgentxPduType.NOTIFY);
        assertThat(first.varbinds()).containsExactly(
                new VariableBinding(NotificationDelivery.SYS_UP_TIME, new TimeTicks(4711 + 200)),
                new VariableBinding(NotificationDelivery.SNMP_TRAP_OID, trap(1)),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1"), new OctetString("VI_1")));
        session.tick(now + 1000);
        assertThat(link.last()).isSameAs(first);

        answer(first, 0, 5000);
        AgentxPdu.VarBinds second = (AgentxPdu.VarBinds) link.last();
        assertThat(second.varbinds().get(1).getVariable()).isEqualTo(trap(2));
        assertThat(second.varbinds().get(0).getVariable()).isEqualTo(new TimeTicks(5000));
        answer(second, 0, 5000);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aNotificationNotConfirmedBeforeTheLinkDropsGoesFirstAfterReconnecting() {
        ready();
        queue.offer(notification(1));
        queue.offer(notification(2));
        session.tick(now);
        session.linkDown("end of stream", now);
        queue.offer(notification(3));

        now += 1000;
        ready();
        List<OID> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AgentxPdu.VarBinds notify = (AgentxPdu.VarBinds) link.last();
            delivered.add((OID) notify.varbinds().get(1).getVariable());
            answer(notify, 0, 1);
        }
        assertThat(delivered).containsExactly(trap(1), trap(2), trap(3));
    }

    @Test
    void aNotificationThatCannotBeEncodedIsDroppedAndTheNextGoes() {
        ready();
        int[] tooLong = new int[200];
        java.util.Arrays.fill(tooLong, 1);
        queue.offer(new Notification(new OID(tooLong), List.of()));
        queue.offer(notification(2));
        try (LogCapture log = new LogCapture()) {
            session.tick(now);
            assertThat(log.text()).contains("cannot send the notification");
        }
        AgentxPdu.VarBinds notify = (AgentxPdu.VarBinds) link.last();
        assertThat(notify.varbinds().get(1).getVariable()).isEqualTo(trap(2));
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 1; i <= 5; i++) {
                queue.offer(notification(i));
            }
            assertThat(log.text()).contains("dropped the oldest, 1 lost so far").contains("2 lost so far");
        }
        assertThat(queue.dropped()).isEqualTo(2);
        ready();
        AgentxPdu.VarBinds notify = (AgentxPdu.VarBinds) link.last();
        assertThat(notify.varbinds().get(1).getVariable()).isEqualTo(trap(3));
    }

    @Test
    void noResponseInTimeDropsTheLinkAndTheDelayDoublesUpToItsMaximum() {
        List<Long> delays = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            connect();
            now += 5000;
            session.tick(now);
            assertThat(link.disconnected).isTrue();
            assertThat(session.wantsLink(now)).isFalse();
            long down = now;
            while (!session.wantsLink(now)) {
                now = session.nextDeadline();
            }
            delays.add(now - down);
        }
        assertThat(delays).containsExactly(1000L, 2000L, 4000L, 8000L, 8000L, 8000L);

        ready();
        session.linkDown("end of stream", now);
        assertThat(session.nextDeadline() - now).isEqualTo(1000);
    }

    @Test
    void aQuietSessionPingsAndAnUnansweredPingDropsIt() {
        ready();
        assertThat(session.nextDeadline()).isEqualTo(now + 15_000);
        now += 15_000;
        session.tick(now);
        AgentxPdu ping = link.last();
        assertThat(ping.header().type()).isEqualTo(AgentxPduType.PING);
        assertThat(ping.header().sessionId()).isEqualTo(42);
        answer(ping, 0, 1);
        assertThat(session.nextDeadline()).isEqualTo(now + 15_000);

        now += 15_000;
        session.tick(now);
        now += 5_000;
        session.tick(now);
        assertThat(link.disconnected).isTrue();
        assertThat(session.registered()).isFalse();
    }

    @Test
    void notOpenForANotifyMeansSnmpdRestartedAndTheNotificationIsKept() {
        ready();
        queue.offer(notification(1));
        session.tick(now);
        answer(link.last(), ResponseError.NOT_OPEN.code, 1);
        assertThat(link.disconnected).isTrue();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void theMastersCloseIsAnsweredThenTheSessionStartsAgain() {
        ready();
        session.received(new AgentxPdu.Close(AgentxHeader.of(AgentxPduType.CLOSE, 42, 0, 99),
                CloseReason.BY_MANAGER.code), now);
        AgentxPdu.Response r = (AgentxPdu.Response) link.last();
        assertThat(r.header().packetId()).isEqualTo(99);
        assertThat(r.error()).isZero();
        assertThat(link.disconnected).isTrue();
        now += 1000;
        assertThat(session.wantsLink(now)).isTrue();
    }

    @Test
    void aRefusedOpenIsTriedAgainLater() {
        connect();
        answer(link.last(), ResponseError.OPEN_FAILED.code, 1);
        assertThat(link.disconnected).isTrue();
        assertThat(session.wantsLink(now + 1000)).isTrue();
    }

    @Test
    void closingDeliversWhatIsQueuedThenClosesTheSession() {
        ready();
        queue.offer(notification(1));
        session.close(now);
        session.tick(now);
        answer(link.last(), 0, 1);
        AgentxPdu.Close close = (AgentxPdu.Close) link.last();
        assertThat(close.reason()).isEqualTo(CloseReason.SHUTDOWN.code);
        assertThat(session.finished()).isFalse();
        answer(close, 0, 1);
        assertThat(session.finished()).isTrue();
        assertThat(link.disconnected).isTrue();
    }

    @Test
    void closingGivesUpAtItsDeadline() {
        ready();
        queue.offer(notification(1));
        session.close(now);
        session.tick(now);
        now += 2000;
        session.tick(now);
        assertThat(session.finished()).isTrue();
        assertThat(link.last().header().type()).isEqualTo(AgentxPduType.CLOSE);
    }

    @Test
    void closingWhileDisconnectedEndsAtOnce() {
        session.close(now);
        assertThat(session.finished()).isTrue();
        assertThat(session.wantsLink(now + 60_000)).isFalse();
    }

    private void connect() {
        assertThat(session.wantsLink(now)).isTrue();
        link = new RecordingLink();
        session.linkUp(link, now);
    }

    private void ready() {
        connect();
        answer(link.last(), 0, 4711);
        while (!session.registered()) {
            answer(link.last(), 0, 4711);
        }
    }

    private void answer(AgentxPdu request, int error, long upTime) {
        AgentxHeader h = request.header();
        session.received(new AgentxPdu.Response(new AgentxHeader(AgentxPduType.RESPONSE, h.flags(),
                h.type() == AgentxPduType.OPEN ? 42 : h.sessionId(), h.transactionId(), h.packetId(), null),
                upTime, error, 0, List.of()), now);
    }

    private static OID trap(int n) {
        return new OID("1.3.6.1.4.1.9586.100.5.2.10.0").append(n);
    }

    private static Notification notification(int n) {
        return new Notification(trap(n), List.of(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1"), new OctetString("VI_1"))));
    }

    /** Decodes what the session sends; remembers a disconnect. */
    private static final class RecordingLink implements AgentxSession.Link {
        final List<AgentxPdu> sent = new ArrayList<>();
        boolean disconnected;

        @Override
        public void send(byte[] pdu) {
            AgentxDecodeResult result = new AgentxDecoder().decode(ByteBuffer.wrap(pdu));
            assertThat(result.error()).as(result.detail()).isNull();
            sent.add(result.pdu());
        }

        @Override
        public void disconnect() {
            disconnected = true;
        }

        AgentxPdu last() {
            return sent.get(sent.size() - 1);
        }
    }
}
