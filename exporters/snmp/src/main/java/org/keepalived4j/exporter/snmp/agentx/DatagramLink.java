package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;

/**
 * AgentX over UDP, as net-snmp does it: each PDU a datagram of its own, answered to the
 * sender's address. There is no connection to lose: snmpd going away shows as an ICMP port
 * unreachable (an IOException here) or a Response that does not come.
 */
final class DatagramLink extends MasterLink {

    private final DatagramChannel channel;

    DatagramLink(SocketAddress target, Selector selector) throws IOException {
        channel = DatagramChannel.open();
        register(channel, selector, SelectionKey.OP_READ);
        try {
            channel.connect(target);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    boolean finishConnect() {
        return true;
    }

    @Override
    boolean connected() {
        return true;
    }

    @Override
    int read(ByteBuffer buffer) throws IOException {
        return channel.read(buffer);
    }

    /** A datagram holds whole PDUs only. */
    @Override
    void received(ByteBuffer bytes, List<ByteBuffer> frames) throws IOException {
        StreamFramer framer = new StreamFramer();
        framer.append(bytes);
        framer.drainTo(frames);
        if (framer.pending() != 0) {
            throw new IOException("a datagram ends inside a PDU");
        }
    }

    @Override
    int write(ByteBuffer pdu) throws IOException {
        return channel.write(pdu);
    }
}
