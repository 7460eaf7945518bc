package org.keepalived4j.exporter.alerts.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A web hook receiver on loopback (the JDK's own HTTP server): records every request and answers
 * with the statuses it is told to, then 200.
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    /** A status to answer with and the body to send along. */
    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();

    private Receiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver http() throws IOException {
        return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0));
    }

    static Receiver https(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new Receiver(server);
    }

    /** The next answers, in order; after them, 200. */
    Receiver answering(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request that arrived, waiting a generous while for it. */
    Request next() throws InterruptedException {
        Request r = requests.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the receiver got no request");
        }
        return r;
    }

    int received() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // headers() keys are normalised by the JDK server: first letter upper case, the rest lower case
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer a = answers.poll();
        if (a == null) {
            a = new Answer(200, "ok");
        }
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
