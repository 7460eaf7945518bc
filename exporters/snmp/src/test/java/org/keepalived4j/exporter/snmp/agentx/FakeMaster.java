package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A master agent the test drives, over a unix socket or TCP: it accepts the subagent's
 * connections, hands over each PDU the subagent sends, and sends what the test tells it to.
 * Waits are bounded generously and fail the test when they run out.
 */
final class FakeMaster implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ServerSocketChannel server;
    private final List<Connection> connections = new ArrayList<>();

    FakeMaster(SocketAddress bind) throws IOException {
        server = bind instanceof UnixDomainSocketAddress ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                : ServerSocketChannel.open();
        server.bind(bind);
    }

    SocketAddress address() throws IOException {
        return server.getLocalAddress();
    }

    /** The subagent's next connection. */
    Connection accept() throws IOException {
        SocketChannel channel = server.accept();
        Connection c = new Connection(channel);
        connections.add(c);
        return c;
    }

    @Override
    public void close() throws IOException {
        for (Connection c : connections) {
            c.close();
        }
        server.close();
    }

    /** One connection from the subagent. */
    static final class Connection implements AutoCloseable {
        private final SocketChannel channel;
        private final BlockingQueue<AgentxPdu> received = new LinkedBlockingQueue<>();
        private final Thread reader;
        private int sessionId;
        private int packetId = 1000;

        Connection(SocketChannel channel) {
            this.channel = channel;
            this.reader = new Thread(this::read, "fake-master-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            StreamFramer framer = new StreamFramer();
            ByteBuffer in = ByteBuffer.allocate(65_536);
            AgentxDecoder decoder = new AgentxDecoder();
            try {
                while (channel.read(in.clear()) >= 0) {
                    framer.append(in.flip());
                    for (ByteBuffer frame = framer.next(); frame != null; frame = framer.next()) {
                        AgentxDecodeResult result = decoder.decode(frame);
                        if (!result.valid()) {
                            throw new IllegalStateException(result.error() + ": " + result.detail());
                        }
                        received.add(result.pdu());
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        /** The next PDU from the subagent. */
        AgentxPdu next() throws InterruptedException {
            AgentxPdu pdu = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(pdu).as("a PDU from the subagent within %s", WAIT).isNotNull();
            return pdu;
        }

        /** The next PDU, which must be of this type. */
        AgentxPdu next(AgentxPduType type) throws InterruptedException {
            AgentxPdu pdu = next();
            assertThat(pdu.header().type()).isEqualTo(type);
            return pdu;
        }

        /** Nothing from the subagent for {@code quiet}. */
        boolean quietFor(Duration quiet) throws InterruptedException {
            return received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
        }

        /** Accepts the Open as session {@code id} and every Register; returns the subtrees registered. */
        List<AgentxPdu.Registration> openAndRegister(int id, int roots) throws InterruptedException {
            AgentxPdu open = next(AgentxPduType.OPEN);
            sessionId = id;
            respond(open, 0);
            List<AgentxPdu.Registration> registrations = new ArrayList<>();
            for (int i = 0; i < roots; i++) {
                AgentxPdu.Registration r = (AgentxPdu.Registration) next(AgentxPduType.REGISTER);
                registrations.add(r);
                respond(r, 0);
            }
            return registrations;
        }

        /** Answers a request of the subagent. */
        void respond(AgentxPdu request, int error) {
            AgentxHeader h = request.header();
            send(new AgentxPdu.Response(new AgentxHeader(AgentxPduType.RESPONSE, h.flags(), sessionId,
                    h.transactionId(), h.packetId(), null), 12345, error, 0, List.of()));
        }

        /** Sends a request of the master, with this session's ID and a fresh packet ID. */
        AgentxHeader header(AgentxPduType type, int transactionId) {
            return AgentxHeader.of(type, sessionId, transactionId, ++packetId);
        }

        void send(AgentxPdu pdu) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(new AgentxEncoder().encode(pdu));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
