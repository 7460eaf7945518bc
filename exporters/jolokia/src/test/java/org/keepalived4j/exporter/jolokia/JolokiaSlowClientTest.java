package org.keepalived4j.exporter.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

/** The agent against clients that send slowly or open too many connections, on real sockets. */
class JolokiaSlowClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(5);

    private final JolokiaExporter jolokia = new JolokiaExporter();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        jolokia.close();
    }

    private JolokiaClient start(String... lines) throws Exception {
        jolokia.start(TestExporterContext.of(new FakeStateView(SampleStates.small()),
                ManagementFactory.getPlatformMBeanServer(), TestSettings.block("keepalived4j_jolokia", lines)));
        return new JolokiaClient(jolokia.url());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(jolokia.address().getAddress(), jolokia.address().getPort());
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** What the server sent until it closed the connection; {@code null} if it did not within {@code limit}. */
    private static String readUntilClosed(Socket s, Duration limit) throws IOException {
        s.setSoTimeout((int) limit.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (SocketException reset) {
            // closed by the server: as closed as a FIN
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static Duration timedVersion(JolokiaClient client) throws Exception {
        long started = System.nanoTime();
        assertThat(client.get("version").body()).contains("\"status\":200");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @ParameterizedTest(name = "{0} slow clients")
    @ValueSource(ints = {1, 10})
    void keepsAnsweringWhileClientsHoldHalfSentRequestsAndCutsThemAtRequestTimeout(int slowClients)
            throws Exception {
        JolokiaClient client = start("listen 0", "request_timeout 4");
        for (int i = 0; i < slowClients; i++) {
            send(connect(), "POST /jolokia/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty");
        }
        for (int i = 0; i < 3; i++) {
            Duration version = timedVersion(client);
            System.out.printf("with %d slow clients: /jolokia/version %d ms%n", slowClients, version.toMillis());
            assertThat(version).isLessThan(A_FEW_SECONDS);
        }
        for (Socket s : sockets) {
            assertThat(readUntilClosed(s, PATIENCE)).as("closed at request_timeout").startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void closesConnectionsBeyondMaxConnectionsAndServesAgainBelowIt() throws Exception {
        JolokiaClient client = start("listen 0", "max_connections 3");
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(connect());
        }
        send(held.get(0), "GET /jolokia/version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        held.get(0).setSoTimeout((int) PATIENCE.toMillis());
        assertThat(new String(held.get(0).getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                .as("the three are accepted").isEqualTo("HTTP/1.1 200");
        for (int i = 0; i < 2; i++) {
            assertThat(readUntilClosed(connect(), PATIENCE)).as("one too many").isEmpty();
        }
        held.get(2).close();
        for (int attempt = 0; ; attempt++) { // the server notices the close asynchronously
            try {
                timedVersion(client);
                break;
            } catch (IOException refused) {
                assertThat(attempt).as("served again below the bound").isLessThan(50);
                Thread.sleep(200);
            }
        }
    }
}
