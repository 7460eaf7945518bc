package org.keepalived4j.exporter.alerts.syslog;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One datagram per message, to a local socket ({@code /dev/log}) or over UDP (RFC 5426). Sends
 * never wait: a local reader whose queue is full gives EAGAIN, a full UDP send buffer a short
 * send, and both throw, to be retried later. A datagram sent counts as delivered; UDP says no more.
 */
final class DatagramTransport implements SyslogTransport {

    private static final int UDP_MAX = 2048;
    private static final int LOCAL_MAX = 8192;

    private final SyslogTarget target;
    private UnixDatagramSocket local;
    private DatagramChannel udp;
    private boolean udpV6;

    DatagramTransport(SyslogTarget target) {
        this.target = target;
    }

    @Override
    public int maxBytes() {
        return target.transport() == SyslogTarget.Transport.UDP ? UDP_MAX : LOCAL_MAX;
    }

    @Override
    public synchronized void send(byte[] message) throws IOException {
        if (target.transport() == SyslogTarget.Transport.UNIX) {
            if (local == null) {
                local = UnixDatagramSocket.open();
            }
            local.send(target.path(), message);
            return;
        }
        InetSocketAddress to = new InetSocketAddress(target.host(), target.port());
        if (to.isUnresolved()) {
            throw new IOException(target + ": unknown host " + target.host());
        }
        boolean v6 = to.getAddress() instanceof Inet6Address;
        if (udp == null || udpV6 != v6) {
            closeUdp();
            udp = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            udp.configureBlocking(false);
            udpV6 = v6;
        }
        int sent = udp.send(ByteBuffer.wrap(message), to);
        if (sent == 0) {
            throw new IOException(target + ": the UDP send buffer is full");
        }
    }

    @Override
    public synchronized void close() {
        if (local != null) {
            local.close();
            local = null;
        }
        closeUdp();
    }

    private void closeUdp() {
        if (udp != null) {
            try {
                udp.close();
            } catch (IOException e) {
                // nothing was in flight
            }
            udp = null;
        }
    }
}
