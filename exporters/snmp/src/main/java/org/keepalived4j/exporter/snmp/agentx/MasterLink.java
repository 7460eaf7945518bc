package org.keepalived4j.exporter.snmp.agentx;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One non-blocking connection to the master agent, registered with the loop's selector (the
 * key's attachment is the link): a stream over a unix or TCP socket, or UDP datagrams. Sending
 * only queues; {@link #flush} writes as much as the socket takes and asks for OP_WRITE while
 * bytes remain.
 */
abstract class MasterLink implements Closeable {

    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private final ByteBuffer in = ByteBuffer.allocate(65_536);
    private SelectionKey key;
    private boolean ended;

    static MasterLink open(AgentxAddress address, Selector selector) throws IOException {
        SocketAddress target = address.socketAddress();
        return address.transport() == AgentxAddress.Transport.UDP ? new DatagramLink(target, selector)
                : new StreamLink(target, selector);
    }

    /** Registers the channel; closes it when that fails. */
    final void register(SelectableChannel channel, Selector selector, int ops) throws IOException {
        try {
            channel.configureBlocking(false);
            key = channel.register(selector, ops, this);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Completes a connection in progress. */
    abstract boolean finishConnect() throws IOException;

    abstract boolean connected();

    /** Reads what the channel has: bytes read, 0 for none now, -1 at the end of the stream. */
    abstract int read(ByteBuffer buffer) throws IOException;

    /** Adds the whole PDUs in bytes just read to {@code frames}. */
    abstract void received(ByteBuffer bytes, List<ByteBuffer> frames) throws IOException;

    /** Writes bytes of one PDU; returns how many the socket took. */
    abstract int write(ByteBuffer pdu) throws IOException;

    /**
     * The whole PDUs that arrived since the last call. Those that came before the end of the
     * stream are returned first (snmpd may answer and then close); the call after them throws.
     */
    final List<ByteBuffer> receive() throws IOException {
        if (ended) {
            throw new EOFException("end of stream");
        }
        List<ByteBuffer> frames = new ArrayList<>();
        while (true) {
            in.clear();
            int n = read(in);
            if (n < 0) {
                ended = true;
                if (frames.isEmpty()) {
                    throw new EOFException("end of stream");
                }
                return frames;
            }
            if (n == 0) {
                return frames;
            }
            received(in.flip(), frames);
        }
    }

    /** Whether the peer ended the stream; the next {@link #receive} throws. */
    final boolean ended() {
        return ended;
    }

    final void send(byte[] pdu) {
        out.add(ByteBuffer.wrap(pdu));
    }

    final void flush() throws IOException {
        if (!connected()) {
            return;
        }
        while (!out.isEmpty()) {
            ByteBuffer next = out.peek();
            write(next);
            if (next.hasRemaining()) {
                break;
            }
            out.poll();
        }
        key.interestOps(SelectionKey.OP_READ | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
    }

    @Override
    public void close() throws IOException {
        if (key != null) {
            key.cancel();
            key.channel().close();
        }
    }
}
