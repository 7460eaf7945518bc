package org.keepalived4j.exporter.snmp.agentx;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One non-blocking connection to the master agent, registered with the loop's selector (the
 * key's attachment is the link): a stream over a unix or TCP socket, or UDP datagrams. Sending
 * only queues; {@link #flush} writes as much as the socket takes and asks for OP_WRITE while
 * bytes remain.
 */
abstract class MasterLink implements Closeable {

    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private SelectionKey key;

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

    /** The whole PDUs that arrived since the last call. */
    abstract List<ByteBuffer> receive() throws IOException;

    /** Whether the peer ended the stream; the next {@link #receive} throws. */
    boolean ended() {
        return false;
    }

    /** Writes bytes of one PDU; returns how many the socket took. */
    abstract int write(ByteBuffer pdu) throws IOException;

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
