package org.keepalived4j.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What clients that send or read slowly, or not at all, can cost: bounded, and never the others' service. */
class SlowClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TestServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    private TestServer serve(HttpLimits limits, int handlerThreads) throws IOException {
        http = new TestServer(NettyHttpServer.builder("slow-http").limits(limits).handlerThreads(handlerThreads));
        http.server.createContext("/", TestServer.HELLO);
        return http;
    }

    private static HttpLimits limits(double requestSeconds, double idleSeconds, double writeSeconds, int max) {
        return new HttpLimits(Duration.ofMillis((long) (requestSeconds * 1000)),
                Duration.ofMillis((long) (idleSeconds * 1000)), Duration.ofMillis((long) (writeSeconds * 1000)), max);
    }

    @Test
    void clientsSendingPartialHeadersHoldNoHandlerThreadAndAreCutAtRequestTimeout() throws Exception {
        serve(limits(5, 60, 10, 64), 2).start();
        List<RawConnection> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                slow.add(new RawConnection(http.address()).send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "));
            }
            await().atMost(PATIENCE).until(() -> http.server.openConnections() == 10);
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                HttpResponse<String> r = http.get("/");
                assertThat(r.statusCode()).isEqualTo(200);
                System.out.printf("GET / with 10 slow clients connected: %.1f ms%n",
                        (System.nanoTime() - started) / 1e6);
            }
            assertThat(http.server.openConnections()).as("the slow ones are still there").isGreaterThanOrEqualTo(10);
            for (RawConnection c : slow) {
                c.send("a"); // trickling bytes does not extend request_timeout
            }
            for (RawConnection c : slow) {
                String answer = c.readUntilClosed(PATIENCE);
                assertThat(answer).startsWith("HTTP/1.1 408");
            }
        } finally {
            for (RawConnection c : slow) {
                c.close();
            }
        }
    }

    @Test
    void closesConnectionsThatStayIdleBeyondIdleTimeout() throws Exception {
        serve(limits(10, 1, 10, 64), 2).start();
        try (RawConnection silent = new RawConnection(http.address());
                RawConnection kept = new RawConnection(http.address())) {
            kept.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(kept.readResponse(PATIENCE)).startsWith("HTTP/1.1 200").endsWith("hello\n");
            assertThat(silent.closedWithin(PATIENCE)).isTrue();
            assertThat(kept.closedWithin(PATIENCE)).isTrue();
        }
    }

    @Test
    void timesARequestPipelinedBehindAResponseAsARequestNotAsIdle() throws Exception {
        serve(limits(1, 3600, 10, 64), 2).start();
        try (RawConnection c = new RawConnection(http.address())) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo");
            assertThat(c.readResponse(PATIENCE)).startsWith("HTTP/1.1 200").endsWith("hello\n");
            assertThat(c.readUntilClosed(PATIENCE)).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void closesConnectionsBeyondMaxConnectionsAtOnceAndServesAgainBelowIt() throws Exception {
        serve(limits(10, 60, 10, 4), 2).start();
        List<RawConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(new RawConnection(http.address()));
            }
            await().atMost(PATIENCE).until(() -> http.server.openConnections() == 4);
            for (int i = 0; i < 3; i++) {
                try (RawConnection extra = new RawConnection(http.address())) {
                    assertThat(extra.closedWithin(PATIENCE)).isTrue();
                }
            }
            assertThat(http.server.refusedConnections()).isEqualTo(3);
            open.get(0).send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(open.get(0).readResponse(PATIENCE)).as("an open connection still works")
                    .startsWith("HTTP/1.1 200");
            open.remove(3).close();
            await().atMost(PATIENCE).until(() -> http.server.openConnections() == 3);
            assertThat(http.get("/").statusCode()).isEqualTo(200);
        } finally {
            for (RawConnection c : open) {
                c.close();
            }
        }
    }

    @Test
    void aClientThatNeverReadsHoldsOneHandlerThreadAtMostWriteTimeout() throws Exception {
        serve(limits(10, 60, 3, 64), 2);
        AtomicLong written = new AtomicLong();
        AtomicReference<IOException> failure = new AtomicReference<>();
        http.server.createContext("/big", exchange -> {
            byte[] block = new byte[64 * 1024];
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(200, 0);
                for (int i = 0; i < 16 * 1024; i++) { // 1 GiB, far more than any socket buffer takes
                    out.write(block);
                    written.addAndGet(block.length);
                }
            } catch (IOException e) {
                failure.set(e);
                throw e;
            }
        });
        http.start();
        try (RawConnection reader = new RawConnection(http.address(), 4096)) {
            reader.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
            long started = System.nanoTime();
            await().atMost(PATIENCE).until(() -> written.get() > 0);
            for (int i = 0; i < 5; i++) {
                assertThat(http.get("/").statusCode()).isEqualTo(200);
            }
            assertThat(failure.get()).as("others were served while the reader held a handler thread").isNull();
            await().atMost(PATIENCE).until(() -> failure.get() != null);
            System.out.printf("a client that never read held a handler thread for %.1f s; %d KiB were written"
                    + " for it%n", (System.nanoTime() - started) / 1e9, written.get() / 1024);
            assertThat(failure.get()).hasMessageContaining("write_timeout");
            assertThat(written.get()).as("what backpressure let through").isLessThan(64L * 1024 * 1024);
            assertThat(reader.readUntilClosed(PATIENCE).length()).isLessThan(64 * 1024 * 1024);
        }
        assertThat(http.get("/").statusCode()).isEqualTo(200);
    }
}
