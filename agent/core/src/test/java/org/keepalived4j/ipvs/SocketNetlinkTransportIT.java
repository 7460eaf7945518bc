package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.GenericNetlinkSocket;

/** The transport against this machine's kernel, through its always-present generic-netlink controller. */
class SocketNetlinkTransportIT {

    private final GenericNetlinkSocket socket = openSocket();
    private final SocketNetlinkTransport transport = new SocketNetlinkTransport(socket, Duration.ofSeconds(2));
    private final IpvsMessageCodec codec = new IpvsMessageCodec(transport.hostOrder());
    private final IpvsReplyParser parser = new IpvsReplyParser(transport.hostOrder());

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void resolvesTheControllerFamilyItself() throws Exception {
        GenlReply reply = transport.exchange(codec.getFamily(1, "nlctrl"));
        assertThat(reply.ok()).isTrue();
        GenlFamily family = parser.family(reply);
        assertThat(family.name()).isEqualTo("nlctrl");
        assertThat(family.id()).isEqualTo(IpvsUapi.GENL_ID_CTRL);
        assertThat(reply.messages().get(0).portId()).isEqualTo(socket.portId());
    }

    @Test
    void anUnknownFamilyIsEnoent() throws Exception {
        GenlReply reply = transport.exchange(codec.getFamily(2, "k4jNoSuchFamily"));
        assertThat(reply.errno()).isEqualTo(Errno.ENOENT);
        assertThat(reply.messages()).isEmpty();
    }

    @Test
    void aFamilyDumpIsMultiPartAndEndsAtDone() throws Exception {
        GenlReply reply = transport.exchange(familyDump(3));
        assertThat(reply.ok()).isTrue();
        assertThat(reply.messages()).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.flags() & IpvsUapi.NLM_F_MULTI).isNotZero());
        assertThat(familyNames(reply)).contains("nlctrl");
    }

    @Test
    void skipsTheRepliesOfAnEarlierRequestOnTheSameSocket() throws Exception {
        socket.send(familyDump(40)); // its replies stay queued, unread
        GenlReply reply = transport.exchange(codec.getFamily(41, "nlctrl"));
        assertThat(reply.ok()).isTrue();
        assertThat(reply.messages()).hasSize(1).allSatisfy(m -> assertThat(m.sequence()).isEqualTo(41));
    }

    @Test
    void givesUpAfterItsTimeoutWhenNoReplyComes() {
        SocketNetlinkTransport quick = new SocketNetlinkTransport(socket, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> quick.exchange(unanswered(50)))
                .isInstanceOf(InterruptedIOException.class).hasMessageContaining("within 300 ms");
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(250L, 2000L);
    }

    @Test
    void anInterruptEndsTheWaitPromptly() throws Exception {
        SocketNetlinkTransport patient = new SocketNetlinkTransport(socket, Duration.ofSeconds(30));
        Thread[] waiter = new Thread[1];
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            waiter[0] = Thread.currentThread();
            try {
                patient.exchange(unanswered(60));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(300);
        long start = System.nanoTime();
        waiter[0].interrupt();
        Throwable failure = outcome.get(5, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(InterruptedIOException.class).hasMessageContaining("interrupted");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
    }

    @Test
    void aReceiveWithNothingPendingReturnsAfterItsTimeout() throws Exception {
        long start = System.nanoTime();
        assertThat(socket.receive(new byte[4096], 200)).isEqualTo(-1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(150L, 2000L);
    }

    private byte[] familyDump(int sequence) {
        return new GenlMessageWriter(transport.hostOrder(), IpvsUapi.GENL_ID_CTRL,
                IpvsUapi.NLM_F_REQUEST | IpvsUapi.NLM_F_DUMP, sequence, IpvsUapi.CTRL_CMD_GETFAMILY, 1).finish();
    }

    // A message without NLM_F_REQUEST or NLM_F_ACK: the kernel processes nothing and answers nothing.
    private byte[] unanswered(int sequence) {
        return new GenlMessageWriter(transport.hostOrder(), IpvsUapi.GENL_ID_CTRL, 0, sequence,
                IpvsUapi.CTRL_CMD_GETFAMILY, 1).string(IpvsUapi.CTRL_ATTR_FAMILY_NAME, "nlctrl").finish();
    }

    private List<String> familyNames(GenlReply reply) throws MalformedReplyException {
        List<String> names = new ArrayList<>();
        for (GenlMessage message : reply.messages()) {
            names.add(message.attributes(transport.hostOrder()).string(IpvsUapi.CTRL_ATTR_FAMILY_NAME));
        }
        return names;
    }

    private static GenericNetlinkSocket openSocket() {
        try {
            return GenericNetlinkSocket.open();
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot open a NETLINK_GENERIC socket on this machine", e);
        }
    }
}
