package org.keepalived4j.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP listener that accepts and closes every connection (a real server for TCP_CHECK). */
public final class TcpListener implements AutoCloseable {

    private final ServerSocket socket;

    public TcpListener(InetAddress address, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 1024);
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.getInputStream().available();
                } catch (IOException e) {
                    return;
                }
            }
        }, "tcp-listener-" + socket.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
