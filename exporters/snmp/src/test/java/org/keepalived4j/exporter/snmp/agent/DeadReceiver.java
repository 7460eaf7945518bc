package org.keepalived4j.exporter.snmp.agent;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;

/** A UDP receiver that reads every datagram and answers none. */
final class DeadReceiver implements AutoCloseable {

    private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final Thread reader = new Thread(this::read, "dead-receiver");
    private volatile int received;

    DeadReceiver() throws Exception {
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int received() {
        return received;
    }

    private void read() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                received++;
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
