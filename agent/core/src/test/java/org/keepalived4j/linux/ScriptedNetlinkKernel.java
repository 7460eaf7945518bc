package org.keepalived4j.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A little-endian kernel behind {@link NetlinkDatagrams}: each request is answered with the next
 * scripted datagrams (built for the request's sequence number), queued at once, so a channel
 * over it needs no timeout to see them. Sequence numbers start at 1. Records every request.
 */
public final class ScriptedNetlinkKernel implements NetlinkDatagrams {

    /** The datagrams the kernel sends back to a request with this sequence number. */
    @FunctionalInterface
    public interface Answer {
        byte[][] datagrams(int sequence);
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final Deque<ByteBuffer> queued = new ArrayDeque<>();
    private final List<byte[]> requests = new ArrayList<>();
    private int sequence;
    private boolean closed;

    /** A channel to this kernel; it needs no timeout, the answers being queued when a request is sent. */
    public NetlinkChannel channel() {
        return NetlinkChannel.over(this, java.time.Duration.ZERO);
    }

    public ScriptedNetlinkKernel then(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** The requests sent so far, in order. */
    public List<byte[]> requests() {
        return requests;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public int nextSequence() {
        return ++sequence;
    }

    @Override
    public void send(ByteBuffer message) {
        if (closed) {
            throw new AssertionError("request on a closed socket");
        }
        byte[] request = new byte[message.remaining()];
        message.duplicate().get(request);
        requests.add(request);
        Answer answer = answers.poll();
        if (answer == null) {
            throw new AssertionError("unexpected request " + HexFormat.of().formatHex(request));
        }
        for (byte[] datagram : answer.datagrams(ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN).getInt(8))) {
            queued.add(ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    @Override
    public ByteBuffer receive() {
        return queued.poll();
    }

    @Override
    public boolean awaitReadable(long timeoutNanos) {
        return !queued.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
    }
}
