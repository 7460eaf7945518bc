package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A server on 127.0.0.1 and a port of the system's choosing, with a client for ordinary requests. */
final class TestServer implements AutoCloseable {

    static final HttpHandler HELLO = exchange -> {
        try (exchange) {
            byte[] body = "hello\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    };

    final NettyHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    TestServer(NettyHttpServer.Builder builder) throws IOException {
        server = builder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    TestServer start() {
        server.start();
        return this;
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    String url(String path) {
        return "http://127.0.0.1:" + address().getPort() + path;
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
