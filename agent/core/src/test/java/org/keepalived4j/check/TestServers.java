package org.keepalived4j.check;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Real servers started by the tests on loopback: HTTP(S), a DNS responder and a UDP echo. */
final class TestServers {

    private TestServers() {
    }

    /** An HTTP server answering {@code body} with 200 on every path. */
    static HttpServer http(int port, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        serve(server, body);
        return server;
    }

    /** An HTTPS server with a self-signed certificate made by keytool. */
    static HttpsServer https(int port, String body, Path dir) throws Exception {
        return httpsOn(InetAddress.getLoopbackAddress(), port, body, dir);
    }

    /** An HTTPS server on the given address. */
    static HttpsServer httpsOn(InetAddress address, int port, String body, Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        if (!Files.exists(store)) {
            Process p = new ProcessBuilder("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize",
                    "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                    store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        serve(server, body);
        return server;
    }

    private static void serve(HttpServer server, String body) {
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A UDP server thread: answers each datagram with what {@code reply} makes of it (null: no answer). */
    static DatagramSocket udp(int port, java.util.function.UnaryOperator<byte[]> reply) throws SocketException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[1500];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] in = java.util.Arrays.copyOf(p.getData(), p.getLength());
                    byte[] out = reply.apply(in);
                    if (out != null) {
                        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "udp-server-" + port);
        t.setDaemon(true);
        t.start();
        return socket;
    }

    /** A DNS responder: every query gets a response with rcode 0 (NOERROR) and no records. */
    static byte[] dnsAnswer(byte[] query) {
        byte[] r = query.clone();
        r[2] = (byte) (0x80 | query[2] & 0x01);
        r[3] = (byte) 0x80;
        return r;
    }
}
