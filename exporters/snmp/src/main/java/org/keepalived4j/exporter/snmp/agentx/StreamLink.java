package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

/** AgentX over a stream: a unix socket (Java 16's UnixDomainSocketAddress) or TCP. */
final class StreamLink extends MasterLink {

    private final SocketChannel channel;
    private final StreamFramer framer = new StreamFramer();
    private boolean connected;

    StreamLink(SocketAddress target, Selector selector) throws IOException {
        channel = target instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
        register(channel, selector, SelectionKey.OP_CONNECT);
        try {
            connected = channel.connect(target);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    boolean finishConnect() throws IOException {
        if (!connected && channel.finishConnect()) {
            connected = true;
        }
        if (connected) {
            flush();
        }
        return connected;
    }

    @Override
    boolean connected() {
        return connected;
    }

    @Override
    int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
    }

    /** A PDU may span reads: the framer keeps what is not whole yet. */
    @Override
    void received(ByteBuffer bytes, List<ByteBuffer> frames) throws IOException {
        framer.append(bytes);
        framer.drainTo(frames);
    }

    @Override
    int write(ByteBuffer pdu) throws IOException {
        return channel.write(pdu);
    }
}
