package org.keepalived4j.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A TCP listener in a namespace, for health checks to connect to: a small JVM of its own (the
 * test's JVM cannot enter a namespace) that accepts and closes every connection until it is
 * stopped. Stopping it closes the port, so a TCP_CHECK then fails with a refused connection.
 */
final class TcpListener implements AutoCloseable {

    private static final String READY = "listening";

    private final Process process;

    private TcpListener(Process process) {
        this.process = process;
    }

    /** Starts a listener on {@code address:port} in {@code ns}; returns once it accepts connections. */
    static TcpListener start(String ns, String address, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of("ip", "netns", "exec", ns, java, "-Xmx16m", "-cp",
                System.getProperty("java.class.path"), TcpListener.class.getName(), address, String.valueOf(port)))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!READY.equals(line)) {
            p.destroyForcibly();
            throw new IllegalStateException("listener on " + address + ":" + port + " did not start: " + line);
        }
        return new TcpListener(p);
    }

    /** Stops the listener and waits until it has exited (its port is closed). */
    @Override
    public void close() {
        Lab.stop(process);
    }

    /** The listener process: {@code ADDRESS PORT}. */
    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new java.net.InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])));
            System.out.println(READY);
            System.out.flush();
            while (true) {
                try (Socket ignored = server.accept()) {
                    // a health check only needs the connection to be accepted
                }
            }
        }
    }
}
