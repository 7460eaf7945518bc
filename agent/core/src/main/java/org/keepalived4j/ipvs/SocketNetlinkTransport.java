package org.keepalived4j.ipvs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.keepalived4j.linux.GenericNetlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NetlinkTransport} over a real NETLINK_GENERIC socket. Waits in slices of at most
 * {@value #SLICE_MILLIS} ms so that a thread interrupt is noticed promptly, and never longer in
 * total than the timeout it was created with.
 */
public final class SocketNetlinkTransport implements NetlinkTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SocketNetlinkTransport.class);
    private static final int SLICE_MILLIS = 100;
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final GenericNetlinkSocket socket;
    private final long timeoutNanos;
    private final byte[] buffer = new byte[RECEIVE_BUFFER];

    SocketNetlinkTransport(GenericNetlinkSocket socket, Duration timeout) {
        this.socket = socket;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Opens a NETLINK_GENERIC socket; each exchange waits at most {@code timeout} for its replies. */
    public static SocketNetlinkTransport open(Duration timeout) throws IOException {
        return new SocketNetlinkTransport(GenericNetlinkSocket.open(), timeout);
    }

    @Override
    public synchronized GenlReply exchange(byte[] request) throws IOException {
        int sequence = GenlReplyCollector.sequenceOf(request, hostOrder());
        GenlReplyCollector collector = new GenlReplyCollector(sequence, hostOrder());
        socket.send(request);
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for netlink reply " + sequence);
            }
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                throw new InterruptedIOException("no complete netlink reply to request " + sequence + " within "
                        + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
            }
            int waitMillis = (int) Math.min(SLICE_MILLIS, Math.max(1, remainingNanos / 1_000_000));
            int length = socket.receive(buffer, waitMillis);
            if (length >= 0 && collector.accept(buffer, length)) {
                if (collector.staleMessages() > 0) {
                    LOG.debug("skipped {} stale netlink messages before the reply to {}",
                            collector.staleMessages(), sequence);
                }
                return collector.reply();
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
