package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording relay between a subagent and snmpd's AgentX unix socket: the subagent connects
 * to the tap's socket, the tap connects on to snmpd's, and every PDU that passes either way is
 * kept, as bytes, in order. A test tool for capturing real snmpd traffic.
 */
final class AgentxTap implements AutoCloseable {

    /** One PDU as it passed, and which way. */
    record Frame(boolean fromMaster, byte[] bytes) {
    }

    private final ServerSocketChannel server;
    private final Path master;
    private final List<Frame> frames = new ArrayList<>();
    private final List<SocketChannel> channels = new ArrayList<>();

    AgentxTap(Path listen, Path master) throws IOException {
        this.master = master;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(listen));
        Thread acceptor = new Thread(this::accept, "agentx-tap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Every PDU relayed so far. */
    synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel subagent = server.accept();
                SocketChannel snmpd = SocketChannel.open(UnixDomainSocketAddress.of(master));
                synchronized (this) {
                    channels.add(subagent);
                    channels.add(snmpd);
                }
                relay(subagent, snmpd, false);
                relay(snmpd, subagent, true);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void relay(SocketChannel from, SocketChannel to, boolean fromMaster) {
        Thread pump = new Thread(() -> {
            StreamFramer framer = new StreamFramer();
            ByteBuffer in = ByteBuffer.allocate(65_536);
            try {
                while (from.read(in.clear()) >= 0) {
                    in.flip();
                    framer.append(in.duplicate());
                    while (in.hasRemaining()) {
                        to.write(in);
                    }
                    List<ByteBuffer> whole = new ArrayList<>();
                    framer.drainTo(whole);
                    record(whole, fromMaster);
                }
            } catch (IOException e) {
                // one side closed
            }
            close(from);
            close(to);
        }, "agentx-tap-relay");
        pump.setDaemon(true);
        pump.start();
    }

    private synchronized void record(List<ByteBuffer> whole, boolean fromMaster) {
        for (ByteBuffer frame : whole) {
            frames.add(new Frame(fromMaster, frame.array()));
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        channels.forEach(AgentxTap::close);
    }
}
