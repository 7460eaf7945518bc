package org.keepalived4j.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NettyHttpServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private TestServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private TestServer serve(NettyHttpServer.Builder builder) throws IOException {
        http = new TestServer(builder);
        return http;
    }

    @Test
    void servesHandlersWrittenForTheJdkServerByLongestContextPath() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/", TestServer.HELLO);
        http.server.createContext("/echo", exchange -> {
            try (exchange) {
                String text = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("X-Test") + " " + exchange.getProtocol() + " "
                        + exchange.getHttpContext().getPath();
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
        http.start();
        HttpResponse<String> echo = http.get("/echo/a?b=c", "X-Test", "yes");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).isEqualTo("GET /echo/a?b=c yes HTTP/1.1 /echo");
        assertThat(echo.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        HttpResponse<String> hello = http.get("/anything");
        assertThat(hello.body()).isEqualTo("hello\n");
        assertThat(hello.headers().firstValue("Content-Length")).hasValue("6");
        assertThat(hello.headers().firstValue("Date")).isPresent();
    }

    @Test
    void answers404WhereNoContextMatches() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/metrics", TestServer.HELLO);
        http.start();
        assertThat(http.get("/other").statusCode()).isEqualTo(404);
        assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheConnectionAliveAndAnswersPipelinedRequestsInOrder() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        http.start();
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\nGET /thr");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200 OK").endsWith("/one");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200 OK").endsWith("/two");
            c.send("ee HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(c.readUntilClosed(PATIENCE)).startsWith("HTTP/1.1 200 OK").contains("connection: close")
                    .endsWith("/three");
        }
    }

    @Test
    void readsRequestBodiesUpToTheirBoundAndRefusesLargerOnes() throws Exception {
        serve(NettyHttpServer.builder("test-http").maxBodyBytes(1000));
        http.server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        http.start();
        String body = "x".repeat(1000);
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + body);
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200 OK").endsWith(body);
            c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + body + "x");
            assertThat(c.readUntilClosed(PATIENCE)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void refusesARequestLineOrHeadersOver8KiB() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/", TestServer.HELLO);
        http.start();
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readUntilClosed(PATIENCE)).startsWith("HTTP/1.1 414");
        }
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n");
            assertThat(c.readUntilClosed(PATIENCE)).startsWith("HTTP/1.1 431");
        }
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Fits: " + "c".repeat(7000) + "\r\n\r\n");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200").endsWith("hello\n");
        }
    }

    @Test
    void runsFiltersThenTheAuthenticatorThenTheHandler() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        serve(NettyHttpServer.builder("test-http"));
        HttpContext context = http.server.createContext("/", exchange -> {
            try (exchange) {
                seen.add("handler as " + exchange.getPrincipal().getUsername());
                exchange.sendResponseHeaders(204, -1);
            }
        });
        context.getFilters().add(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                seen.add("filter");
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "records";
            }
        });
        context.setAuthenticator(new BasicAuthenticator("test") {
            @Override
            public boolean checkCredentials(String user, String password) {
                seen.add("authenticator");
                return user.equals("u") && password.equals("p");
            }
        });
        http.start();
        HttpResponse<String> anonymous = http.get("/");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Basic realm=\"test\"");
        assertThat(http.get("/", "Authorization", basic("u", "wrong")).statusCode()).isEqualTo(401);
        seen.clear();
        assertThat(http.get("/", "Authorization", basic("u", "p")).statusCode()).isEqualTo(204);
        assertThat(seen).containsExactly("filter", "authenticator", "handler as u");
    }

    @Test
    void answers200ToAHandlerThatSendsNothingAnd500ToOneThatFails() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/quiet", exchange -> exchange.getResponseHeaders().set("X-Set", "kept"));
        http.server.createContext("/fails", exchange -> {
            throw new IllegalStateException("handler bug (expected by the test)");
        });
        http.server.createContext("/short", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write(new byte[10]);
            exchange.close();
        });
        http.start();
        HttpResponse<String> quiet = http.get("/quiet");
        assertThat(quiet.statusCode()).isEqualTo(200);
        assertThat(quiet.headers().firstValue("X-Set")).hasValue("kept");
        assertThat(http.get("/fails").statusCode()).isEqualTo(500);
        assertThatThrownBy(() -> http.get("/short")).isInstanceOf(IOException.class);
        assertThat(http.get("/quiet").statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void answersHeadWithoutABody() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : 6);
                if (!exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseBody().write("hello\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        http.start();
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200").endsWith("hello\n");
        }
    }

    @Test
    void streamsAResponseOfAnyLengthToAnHttp10ClientUntilClose() throws Exception {
        serve(NettyHttpServer.builder("test-http"));
        http.server.createContext("/", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 1000; i++) {
                    out.write("0123456789".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        http.start();
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET / HTTP/1.0\r\n\r\n");
            String response = c.readUntilClosed(PATIENCE);
            assertThat(response).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("transfer-encoding");
            assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).hasSize(10_000);
        }
    }

    @Test
    void namesItsThreadsAndReleasesThePortAndThreadsOnStop() throws Exception {
        serve(NettyHttpServer.builder("named-http").handlerThreads(3));
        String[] thread = new String[1];
        http.server.createContext("/", exchange -> {
            thread[0] = Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : "");
            TestServer.HELLO.handle(exchange);
        });
        http.start();
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(thread[0]).matches("named-http-[123] daemon");
        assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> assertThat(t.getName()).isEqualTo(
                "named-http-io"));
        int port = http.address().getPort();
        http.close();
        http = null;
        await().atMost(PATIENCE).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("named-http")));
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void servesHttpsAndShowsHandlersAnHttpsExchange(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        serve(NettyHttpServer.builder("test-http").tls(tls.server()));
        http.server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = (exchange instanceof HttpsExchange https ? https.getSSLSession().getProtocol() : "plain")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        http.start();
        HttpClient client = HttpClient.newBuilder().sslContext(tls.client()).build();
        URI uri = URI.create("https://127.0.0.1:" + http.address().getPort() + "/");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("TLSv1.");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString())).as("a client that does not trust the certificate")
                .isInstanceOf(IOException.class);
    }

    @Test
    void failsToBindAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> NettyHttpServer.builder("test-http").bind(
                    (java.net.InetSocketAddress) taken.getLocalSocketAddress())).isInstanceOf(BindException.class);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
