package org.keepalived4j.exporter.snmp.agentx;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/** AgentX over a stream: a unix socket (Java 16's UnixDomainSocketAddress) or TCP. */
final class StreamLink extends MasterLink {

    private final SocketChannel channel;
    private final StreamFramer framer = new StreamFramer();
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private boolean connected;
    private boolean ended;

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

    /**
     * {@inheritDoc} The PDUs that came before the end of the stream are returned first (snmpd
     * may answer and then close); the call after them reports the end.
     */
    @Override
    List<ByteBuffer> receive() throws IOException {
        if (ended) {
            throw new EOFException("end of stream");
        }
        List<ByteBuffer> frames = new ArrayList<>();
        while (true) {
            in.clear();
            int n = channel.read(in);
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
            framer.append(in.flip());
            for (ByteBuffer frame = framer.next(); frame != null; frame = framer.next()) {
                frames.add(frame);
            }
        }
    }

    @Override
    boolean ended() {
        return ended;
    }

    @Override
    int write(ByteBuffer pdu) throws IOException {
        return channel.write(pdu);
    }
}
