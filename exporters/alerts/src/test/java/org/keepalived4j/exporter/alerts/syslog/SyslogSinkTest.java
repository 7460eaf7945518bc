package org.keepalived4j.exporter.alerts.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.BODY;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.SUBJECT;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.alert;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.sink;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.Alert;

/** Alerts into real syslog receivers started by the test: a unix datagram socket, UDP, TCP and TLS on loopback. */
class SyslogSinkTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    private static void assertFullMessage(byte[] bytes, int pri) {
        Rfc5424 m = Rfc5424.parse(bytes);
        assertThat(m.pri()).isEqualTo(pri);
        assertThat(m.version()).isEqualTo(1);
        assertThat(m.timestamp()).isEqualTo("2026-12-07T10:00:00.123456Z");
        assertThat(m.host()).isEqualTo("lb1");
        assertThat(m.procId()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(m.msgId()).isEqualTo("VRRP_INSTANCE");
        assertThat(m.sd()).containsOnlyKeys("origin", "keepalived4j@32473");
        assertThat(m.sd().get("origin")).containsEntry("software", "keepalived4j");
        assertThat(m.sd().get("keepalived4j@32473")).containsExactly(Map.entry("id", "a-1"),
                Map.entry("kind", "VRRP_INSTANCE"), Map.entry("name", "VI_1"), Map.entry("from", "BACKUP"),
                Map.entry("to", "MASTER"), Map.entry("iname", "VI_1"), Map.entry("reason", "say \"hi\" \\ [x] done"),
                Map.entry("bad_name_x__", "ä"));
        // the escaping as sent: \" \\ and \]; [ needs none
        assertThat(m.sdText()).contains("reason=\"say \\\"hi\\\" \\\\ [x\\] done\"");
        assertThat(m.bom()).isTrue();
        assertThat(m.msg()).isEqualTo(SUBJECT + " " + BODY);
    }

    @Test
    void sendsTheWholeMessageToAUnixDatagramSocket(@TempDir Path dir) throws Exception {
        String path = dir.resolve("log").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.open()) {
            receiver.bind(path);
            SyslogSink sink = sink("target unix:" + path);
            try {
                sink.deliver(alert("a-1", "MASTER", true));
                AtomicReference<byte[]> got = new AtomicReference<>();
                await().atMost(AWAIT).until(() -> {
                    got.set(receiver.receive(65536));
                    return got.get() != null;
                });
                // daemon (3) * 8 + notice (5)
                assertFullMessage(got.get(), 29);
                assertThat(Rfc5424.parse(got.get()).app()).isEqualTo("keepalived4j");
            } finally {
                sink.close();
            }
        }
    }

    @Test
    void aUnixSocketThatIsMissingRefusesOrIsFullMakesDeliverThrowWithTheErrnoText(@TempDir Path dir)
            throws Exception {
        assertDeliveryFails("target unix:" + dir.resolve("none"), "No such file or directory");

        String gone = dir.resolve("gone").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.open()) {
            receiver.bind(gone);
        }
        assertDeliveryFails("target unix:" + gone, "Connection refused");

        String full = dir.resolve("full").toString();
        try (UnixDatagramSocket receiver = UnixDatagramSocket.open()) {
            receiver.bind(full);
            try (SyslogSink sink = sink("target unix:" + full)) {
                assertThat(sendUntilItThrows(sink, 100_000)).hasMessageContaining("Resource temporarily unavailable");
            }
        }
    }

    /** A sink of this target fails its delivery with an IOException saying {@code why}. */
    private static void assertDeliveryFails(String target, String why) {
        try (SyslogSink sink = sink(target)) {
            assertThatThrownBy(() -> sink.deliver(alert("a-1", "MASTER", true))).isInstanceOf(IOException.class)
                    .hasMessageContaining(why);
        }
    }

    private static IOException sendUntilItThrows(SyslogSink sink, int most) {
        for (int i = 0; i < most; i++) {
            try {
                sink.deliver(alert("a-" + i, "MASTER", true));
            } catch (IOException e) {
                return e;
            }
        }
        throw new AssertionError("deliver() never failed in " + most + " messages to a receiver that never reads");
    }

    @Test
    void sendsOneDatagramOverUdpWithTheFacilityAndAppNameConfigured() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout((int) AWAIT.toMillis());
            SyslogSink sink = sink("target udp:127.0.0.1:" + receiver.getLocalPort(), "facility local3",
                    "app_name lb-alerts");
            try {
                sink.deliver(alert("a-1", "FAULT", true));
                DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
                receiver.receive(packet);
                Rfc5424 m = Rfc5424.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
                // local3 (19) * 8 + warning (4)
                assertThat(m.pri()).isEqualTo(156);
                assertThat(m.app()).isEqualTo("lb-alerts");
                assertThat(m.sd().get("keepalived4j@32473")).containsEntry("to", "FAULT");
                assertThat(m.msg()).isEqualTo(SUBJECT + " " + BODY);
            } finally {
                sink.close();
            }
        }
    }

    @Test
    void cutsALongUdpMessageTo2048OctetsAtACharacterBoundary() throws Exception {
        // three-byte characters after one ASCII byte: any cut by octet count alone would split one
        String longText = "x" + "€".repeat(3000);
        Alert longBody = new Alert("a-1", Instant.parse("2026-12-07T10:00:00Z"), "lb1", Alert.Kind.REAL_SERVER,
                "[10.0.0.1]:tcp:80", "UP", "DOWN", "[lb1] Realserver down", longText, true, Map.of("weight", "1"));
        Alert longLabel = new Alert("a-2", Instant.parse("2026-12-07T10:00:00Z"), "lb1", Alert.Kind.REAL_SERVER,
                "[10.0.0.1]:tcp:80", "UP", "DOWN", "[lb1] Realserver down", "=> TCP CHECK failed <=", true,
                Map.of("detail", "ö".repeat(3000)));
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            receiver.setSoTimeout((int) AWAIT.toMillis());
            SyslogSink sink = sink("target udp:127.0.0.1:" + receiver.getLocalPort());
            try {
                sink.deliver(longBody);
                sink.deliver(longLabel);
                DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
                receiver.receive(packet);
                assertThat(packet.getLength()).isLessThanOrEqualTo(2048).isGreaterThan(2040);
                // parse() decodes strictly: a split character fails it
                Rfc5424 first = Rfc5424.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
                assertThat(first.msg()).startsWith("[lb1] Realserver down x€€");
                assertThat(first.sd().get("keepalived4j@32473")).containsEntry("weight", "1");
                // daemon (3) * 8 + warning (4): a real server going down
                assertThat(first.pri()).isEqualTo(28);

                receiver.receive(packet);
                assertThat(packet.getLength()).isLessThanOrEqualTo(2048);
                Rfc5424 second = Rfc5424.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
                // the label would leave no room for the text: the labels go, the alert's identity stays
                assertThat(second.sd().get("keepalived4j@32473")).containsEntry("id", "a-2")
                        .doesNotContainKey("detail");
                assertThat(second.msg()).isEqualTo("[lb1] Realserver down => TCP CHECK failed <=");
            } finally {
                sink.close();
            }
        }
    }

    @Test
    void keepsOneTcpConnectionForSeveralAlertsAndReconnectsAfterTheReceiverRestarts() throws Exception {
        FrameReceiver receiver = new FrameReceiver(new ServerSocket(), 0, true);
        int port = receiver.port();
        SyslogSink sink = sink("target tcp:127.0.0.1:" + port, "timeout 5");
        try {
            sink.deliver(alert("a-1", "MASTER", true));
            sink.deliver(alert("a-2", "MASTER", true));
            assertFullMessage(receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS), 29);
            assertThat(Rfc5424.parse(receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS)).sd()
                    .get("keepalived4j@32473")).containsEntry("id", "a-2");
            assertThat(receiver.connections).hasValue(1);
            receiver.close();

            receiver = new FrameReceiver(new ServerSocket(), port, true);
            sink.deliver(alert("a-3", "BACKUP", true));
            byte[] third = receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(third).as("the alert after the restart reaches the new receiver").isNotNull();
            Rfc5424 m = Rfc5424.parse(third);
            assertThat(m.sd().get("keepalived4j@32473")).containsEntry("id", "a-3");
            // daemon (3) * 8 + info (6)
            assertThat(m.pri()).isEqualTo(30);
            assertThat(receiver.errors).isEmpty();
        } finally {
            sink.close();
            receiver.close();
        }
    }

    @Test
    void aTcpReceiverThatNeverReadsMakesDeliverThrowOnceTheBuffersAreFull() throws Exception {
        ServerSocket server = new ServerSocket();
        server.setReceiveBufferSize(4096);
        try (FrameReceiver stuck = new FrameReceiver(server, 0, false)) {
            SyslogSink sink = sink("target tcp:127.0.0.1:" + stuck.port(), "timeout 1");
            try {
                IOException thrown = sendUntilItThrows(sink, 100_000);
                assertThat(thrown).isInstanceOf(SocketTimeoutException.class)
                        .hasMessageContaining("writing took longer than 1 s");
                assertThat(stuck.connections).hasValue(1);
            } finally {
                sink.close();
            }
        }
    }

    /** A key pair and self-signed certificate for 127.0.0.1 made by the JDK's keytool, and its PEM. */
    static SSLContext serverContext(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "syslog", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore",
                store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "syslog", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", dir.resolve("ca.pem").toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assertThat(keytool).as("the JDK's keytool").isExecutable();
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("keytool " + String.join(" ", args) + ": " + output).isZero();
    }

    @Test
    void deliversOverTlsTrustingTheConfiguredCaAndRefusesAnUntrustedServer(@TempDir Path dir) throws Exception {
        SSLContext server = serverContext(dir);
        try (FrameReceiver receiver = new FrameReceiver(server.getServerSocketFactory().createServerSocket(), 0,
                true)) {
            SyslogSink sink = sink("target tls:127.0.0.1:" + receiver.port(), "tls_ca " + dir.resolve("ca.pem"),
                    "timeout 5");
            try {
                sink.deliver(alert("a-1", "MASTER", true));
                sink.deliver(alert("a-2", "MASTER", true));
                assertFullMessage(receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS), 29);
                assertThat(Rfc5424.parse(receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS)).sd()
                        .get("keepalived4j@32473")).containsEntry("id", "a-2");
                assertThat(receiver.connections).hasValue(1);
            } finally {
                sink.close();
            }
            // the JDK's CAs do not know the self-made certificate
            SyslogSink untrusting = sink("target tls:127.0.0.1:" + receiver.port(), "timeout 5");
            try {
                assertThatThrownBy(() -> untrusting.deliver(alert("a-3", "MASTER", true)))
                        .isInstanceOf(SSLHandshakeException.class);
            } finally {
                untrusting.close();
            }
            SyslogSink insecure = sink("target tls:127.0.0.1:" + receiver.port(), "tls_insecure", "timeout 5");
            try {
                insecure.deliver(alert("a-4", "MASTER", true));
                assertThat(Rfc5424.parse(receiver.frames.poll(AWAIT.toSeconds(), TimeUnit.SECONDS)).sd()
                        .get("keepalived4j@32473")).containsEntry("id", "a-4");
            } finally {
                insecure.close();
            }
            // the receiver saw only the handshake the untrusting sink broke off (as a certificate_unknown
            // alert, or as a broken pipe when the client had already closed: which one is a matter of timing)
            assertThat(receiver.errors).singleElement().asString()
                    .containsAnyOf("certificate_unknown", "Broken pipe", "Connection reset");
        }
    }

    @Test
    void aTlsReceiverThatNeverReadsMakesDeliverThrowOnceTheBuffersAreFull(@TempDir Path dir) throws Exception {
        SSLContext server = serverContext(dir);
        ServerSocket socket = server.getServerSocketFactory().createServerSocket();
        socket.setReceiveBufferSize(4096);
        // the handshake needs a reader on the server side; after it nothing is read
        try (FrameReceiver stuck = new FrameReceiver(socket, 0, false)) {
            SyslogSink sink = sink("target tls:127.0.0.1:" + stuck.port(), "tls_insecure", "timeout 1");
            try {
                IOException thrown = sendUntilItThrows(sink, 100_000);
                assertThat(thrown).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("took longer than");
            } finally {
                sink.close();
            }
        }
    }
}
