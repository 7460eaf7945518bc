package org.keepalived4j.linux;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Synchronous request/response over a netlink socket: each call sends one request and reads
 * the replies carrying its sequence number until the acknowledgement or the end of the dump,
 * waiting at most the configured timeout. An NLMSG_ERROR with a non-zero code, or an
 * NLMSG_DONE ending a dump with one, becomes a {@link NetlinkException}; replies to an earlier
 * request that timed out are skipped. Not thread-safe.
 */
public final class NetlinkChannel implements AutoCloseable {

    private static final int NLM_F_DUMP_INTR = 0x10;
    private static final int DUMP_ATTEMPTS = 3;

    private final NetlinkDatagrams socket;
    private final long timeoutNanos;
    private final NetlinkMessageWriter writer = new NetlinkMessageWriter(16384);

    private NetlinkChannel(NetlinkDatagrams socket, Duration timeout) {
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Opens a channel for {@code protocol}, with extended acks when the kernel offers them. */
    public static NetlinkChannel open(int protocol, Duration timeout) throws SyscallException {
        NetlinkSocket socket = NetlinkSocket.open(protocol);
        try {
            socket.enableExtendedAck();
            return new NetlinkChannel(socket, timeout);
        } catch (SyscallException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A channel over {@code socket} (closed with the channel): a stand-in kernel in tests. */
    public static NetlinkChannel over(NetlinkDatagrams socket, Duration timeout) {
        return new NetlinkChannel(socket, timeout);
    }

    /** Starts a request of {@code type}: NLM_F_REQUEST is added to {@code flags}, the sequence is fresh. */
    public NetlinkMessageWriter begin(int type, int flags) {
        return writer.begin(type, flags | Netlink.NLM_F_REQUEST, socket.nextSequence());
    }

    /**
     * Sends the request built with {@link #begin} (which must ask for NLM_F_ACK) and waits for
     * its acknowledgement.
     *
     * @return the non-error replies that came before the acknowledgement (copied)
     * @throws NetlinkException when the kernel answers with an error
     */
    public List<NetlinkMessage> execute(String description) throws SyscallException {
        return exchange(description, writer.finish());
    }

    /**
     * Sends the dump request built with {@link #begin} and collects every reply until
     * NLMSG_DONE; a dump the kernel marks as interrupted by a concurrent change is repeated,
     * each time with a fresh sequence number, and the last one is used.
     */
    public List<NetlinkMessage> dump(String description) throws SyscallException {
        ByteBuffer request = writer.finish();
        byte[] copy = new byte[request.remaining()];
        request.duplicate().get(copy);
        ByteBuffer again = ByteBuffer.wrap(copy).order(request.order());
        for (int attempt = 1; ; attempt++) {
            List<NetlinkMessage> replies = exchange(description, again.duplicate().order(again.order()));
            if (attempt == DUMP_ATTEMPTS || replies.stream().noneMatch(m -> (m.flags() & NLM_F_DUMP_INTR) != 0)) {
                return replies;
            }
            again.putInt(8, socket.nextSequence());
        }
    }

    private List<NetlinkMessage> exchange(String description, ByteBuffer request) throws SyscallException {
        int sequence = request.getInt(request.position() + 8);
        drainStale();
        socket.send(request);
        List<NetlinkMessage> replies = new ArrayList<>();
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            ByteBuffer datagram = socket.receive();
            if (datagram == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new SyscallException(description + " (no netlink reply)", Errno.ETIMEDOUT);
                }
                socket.awaitReadable(remaining);
                continue;
            }
            for (NetlinkMessage message : NetlinkMessages.split(datagram)) {
                if (message.sequence() != sequence || message.type() == Netlink.NLMSG_NOOP) {
                    continue;
                }
                if (isFinal(description, message)) {
                    return replies;
                }
                replies.add(copy(message));
            }
        }
    }

    private static boolean isFinal(String description, NetlinkMessage message) throws NetlinkException {
        if (message.type() == Netlink.NLMSG_OVERRUN) {
            throw new NetlinkException(description + " (the kernel dropped replies: NLMSG_OVERRUN)", Errno.ENOBUFS,
                    null);
        }
        if (message.type() == Netlink.NLMSG_ERROR || message.type() == Netlink.NLMSG_DONE) {
            int code = message.payload().remaining() >= 4 ? NetlinkMessages.errorCode(message) : 0;
            if (code != 0) {
                throw message.type() == Netlink.NLMSG_ERROR
                        ? NetlinkMessages.toException(description, message)
                        : new NetlinkException(description, code, null);
            }
            return true;
        }
        return false;
    }

    private void drainStale() throws SyscallException {
        while (socket.receive() != null) {
            // replies to an earlier request that timed out
        }
    }

    private static NetlinkMessage copy(NetlinkMessage message) {
        ByteBuffer payload = ByteBuffer.allocate(message.payload().remaining()).order(message.payload().order());
        payload.put(message.payload().duplicate()).flip();
        return new NetlinkMessage(message.type(), message.flags(), message.sequence(), message.portId(),
                payload);
    }

    @Override
    public void close() {
        socket.close();
    }
}
