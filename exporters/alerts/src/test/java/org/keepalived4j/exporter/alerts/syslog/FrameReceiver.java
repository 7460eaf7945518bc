package org.keepalived4j.exporter.alerts.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A syslog receiver for the tests: accepts TCP (or TLS, given a TLS server socket) on loopback
 * and reads RFC 6587 octet-counted frames into {@link #frames}; with {@code read} false it
 * accepts and never reads, as a stuck receiver does.
 */
final class FrameReceiver implements AutoCloseable {

    final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** Binds {@code server} to 127.0.0.1:{@code port} (0: any free port) and starts accepting. */
    FrameReceiver(ServerSocket server, int port, boolean read) throws IOException {
        this.server = server;
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(() -> acceptLoop(read), "syslog-receiver-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop(boolean read) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                connections.incrementAndGet();
                if (read) {
                    Thread reader = new Thread(() -> readFrames(s), "syslog-reader");
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void readFrames(Socket s) {
        try (InputStream in = s.getInputStream()) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        return;
                    }
                    if (c < '0' || c > '9') {
                        errors.add("not a digit in the frame length: " + c);
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] frame = in.readNBytes(length);
                if (frame.length < length) {
                    errors.add("frame cut short: " + frame.length + " of " + length);
                    return;
                }
                frames.add(frame);
            }
        } catch (IOException e) {
            if (!server.isClosed()) {
                errors.add(e.toString());
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
        thread.join(10_000);
    }
}
