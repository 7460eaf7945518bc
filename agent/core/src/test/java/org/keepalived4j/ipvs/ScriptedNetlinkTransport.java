package org.keepalived4j.ipvs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A transport that answers each request with the next scripted datagrams (little-endian host). */
final class ScriptedNetlinkTransport implements NetlinkTransport {

    /** The datagrams the "kernel" sends back to a request with this sequence number. */
    @FunctionalInterface
    interface Answer {
        byte[][] datagrams(int sequence) throws IOException;
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    final List<byte[]> requests = new ArrayList<>();
    boolean closed;

    ScriptedNetlinkTransport then(Answer answer) {
        answers.add(answer);
        return this;
    }

    @Override
    public GenlReply exchange(byte[] request) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        requests.add(request);
        Answer answer = answers.poll();
        if (answer == null) {
            throw new AssertionError("unexpected request " + HexBytes.hexOf(request));
        }
        int sequence = GenlReplyCollector.sequenceOf(request, hostOrder());
        GenlReplyCollector collector = new GenlReplyCollector(sequence, hostOrder());
        for (byte[] datagram : answer.datagrams(sequence)) {
            if (collector.accept(datagram, datagram.length)) {
                return collector.reply();
            }
        }
        throw new InterruptedIOException("no complete netlink reply to request " + sequence);
    }

    @Override
    public ByteOrder hostOrder() {
        return ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public void close() {
        closed = true;
    }
}
