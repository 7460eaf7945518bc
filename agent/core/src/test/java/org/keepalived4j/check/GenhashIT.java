package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keepalived4j genhash} prints what Debian's keepalived genhash prints for the same page. */
class GenhashIT {

    @TempDir
    Path dir;

    private static String ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new GenhashCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(args);
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static String keepalived(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "genhash";
        System.arraycopy(args, 0, command, 1, args.length);
        return Netns.run(command).strip();
    }

    private static void same(String... args) {
        String theirs = keepalived(args);
        assertThat(theirs).matches("[0-9a-f]{32}");
        assertThat(ours(args)).isEqualTo(theirs);
    }

    @Test
    void sameDigestForAPlainPage() throws Exception {
        HttpServer server = TestServers.http(0, "<html><body>keepalived4j genhash</body></html>\n".repeat(300));
        try {
            same("-s", "127.0.0.1", "-p", String.valueOf(server.getAddress().getPort()), "-u", "/index.html");
            same("-s", "127.0.0.1", "-p", String.valueOf(server.getAddress().getPort()), "-u", "/", "-V", "www.test",
                    "-P", "1.1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sameDigestOverTls() throws Exception {
        HttpServer server = TestServers.https(0, "tls page body", dir);
        try {
            same("-S", "-s", "127.0.0.1", "-p", String.valueOf(server.getAddress().getPort()), "-u", "/");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sameDigestWhenContentLengthIsShorterThanTheBody() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket c = socket.accept()) {
                        c.getInputStream().read(new byte[4096]);
                        OutputStream out = c.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello world".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String port = String.valueOf(socket.getLocalPort());
            same("-s", "127.0.0.1", "-p", port, "-u", "/");
            assertThat(ours("-s", "127.0.0.1", "-p", port, "-u", "/")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        }
    }
}
