package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.ipvs.InMemoryIpvsClient;
import org.keepalived4j.ipvs.IpvsServiceKey;
import org.keepalived4j.model.RealServerStateChanged;

/**
 * Each checker against a real server the test starts on loopback: healthy is alive, stopped is
 * dead after the configured retries, back is alive again, with the quorum lost and regained.
 */
class CheckersIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final RecordingSink sink = new RecordingSink();
    private final InMemoryIpvsClient ipvs = new InMemoryIpvsClient(true);
    private LvsService service;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void start(int port, String checker, String vsExtra) {
        String text = "virtual_server 127.0.0.1 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n delay_loop 0.2\n"
                + " delay_before_retry 0.2\n connect_timeout 1\n warmup 0\n retry 2\n" + vsExtra + "\n"
                + " real_server 127.0.0.1 " + port + " {\n weight 4\n " + checker + "\n }\n}\n";
        LvsParsing.Result r = LvsParsing.parse(text);
        assertThat(r.lvs().virtualServers()).as(r.messages().toString()).hasSize(1);
        service = new LvsService(r.lvs().virtualServers(), LvsSettings.DEFAULTS, ipvs, sink, Clock.systemUTC());
        service.start();
    }

    private RealServerStateChanged awaitEvent(int index) {
        await().atMost(WAIT).until(() -> sink.realServerEvents().size() > index);
        return sink.realServerEvents().get(index);
    }

    private long failures() {
        return service.virtualServers().get(0).realServers().get(0).checkFailures();
    }

    /** Down after exactly 1 + retry failed attempts, then the quorum is lost; up again regains it. */
    private void assertDownThenUp(Runnable stopServer, Runnable startServer) {
        await().atMost(WAIT).until(() -> service.virtualServers().get(0).realServers().get(0).lastCheck() != null);
        assertThat(sink.quorumEvents()).singleElement().satisfies(e -> assertThat(e.met()).isTrue());
        // let every checker complete a full round: before that keepalived needs one failure only
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        long before = failures();
        stopServer.run();
        RealServerStateChanged down = awaitEvent(0);
        assertThat(down.up()).isFalse();
        assertThat(failures() - before).isEqualTo(3);
        assertThat(sink.quorumEvents()).hasSize(2).last().satisfies(e -> assertThat(e.met()).isFalse());
        assertThat(service.virtualServers().get(0).realServers().get(0).alive()).isFalse();
        startServer.run();
        RealServerStateChanged up = awaitEvent(1);
        assertThat(up.up()).isTrue();
        assertThat(sink.quorumEvents()).hasSize(3).last().satisfies(e -> assertThat(e.met()).isTrue());
        assertThat(service.virtualServers().get(0).realServers().get(0).alive()).isTrue();
    }

    @Test
    void httpGetFollowsAJdkHttpServerWithDigestAndStatus() throws Exception {
        int port = freePort();
        HttpServer[] server = {TestServers.http(port, "hello world")};
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("hello world".getBytes()));
        start(port, "HTTP_GET {\n url {\n path /\n digest " + digest + "\n }\n url {\n path /missing\n status_code 404\n }\n }",
                "");
        try {
            assertDownThenUp(() -> server[0].stop(0), () -> {
                try {
                    server[0] = TestServers.http(port, "hello world");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            server[0].stop(0);
        }
    }

    @Test
    void httpGetFailsOnAWrongDigest() throws Exception {
        int port = freePort();
        HttpServer server = TestServers.http(port, "changed page");
        try {
            start(port, "HTTP_GET {\n url {\n path /\n digest 00000000000000000000000000000000\n }\n }", "");
            RealServerStateChanged down = awaitEvent(0);
            assertThat(down.up()).isFalse();
            assertThat(down.detail()).startsWith("MD5 digest error");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sslGetChecksASelfSignedServerWithoutVerification() throws Exception {
        int port = freePort();
        HttpServer[] server = {TestServers.https(port, "secure", dir)};
        start(port, "SSL_GET {\n url {\n path /\n status_code 200\n }\n }", "");
        try {
            assertDownThenUp(() -> server[0].stop(0), () -> {
                try {
                    server[0] = TestServers.https(port, "secure", dir);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            server[0].stop(0);
        }
    }

    @Test
    void smtpCheckTalksToGreenMail() throws Exception {
        int port = freePort();
        GreenMail[] mail = {new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"))};
        mail[0].start();
        start(port, "SMTP_CHECK {\n helo_name checker.test\n }", "");
        try {
            assertDownThenUp(() -> mail[0].stop(), () -> {
                mail[0] = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
                mail[0].start();
            });
        } finally {
            mail[0].stop();
        }
    }

    @Test
    void dnsCheckQueriesAResponder() throws Exception {
        int port = freePort();
        DatagramSocket[] dns = {TestServers.udp(port, TestServers::dnsAnswer)};
        start(port, "DNS_CHECK {\n type A\n name example.test\n retry 2\n delay_before_retry 0.2\n }", "");
        try {
            assertDownThenUp(() -> dns[0].close(), () -> {
                try {
                    dns[0] = TestServers.udp(port, TestServers::dnsAnswer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            dns[0].close();
        }
    }

    @Test
    void udpCheckRequiresAMatchingEchoReply() throws Exception {
        int port = freePort();
        DatagramSocket[] echo = {TestServers.udp(port, b -> b)};
        start(port, "UDP_CHECK {\n payload 0102 0304\n require_reply 01X2\n min_reply_length 4\n }", "");
        try {
            assertDownThenUp(() -> echo[0].close(), () -> {
                try {
                    echo[0] = TestServers.udp(port, b -> b);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            echo[0].close();
        }
    }

    @Test
    void tcpCheckFollowsAListener() throws Exception {
        int port = freePort();
        TcpListener[] listener = {new TcpListener(InetAddress.getLoopbackAddress(), port)};
        start(port, "TCP_CHECK {\n }", "");
        try {
            assertDownThenUp(() -> close(listener[0]), () -> {
                try {
                    listener[0] = new TcpListener(InetAddress.getLoopbackAddress(), port);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            listener[0].close();
        }
    }

    @Test
    void tcpCheckSendsFromTheBindInterfaceWithTheFwmark() throws Exception {
        int port = freePort();
        try (TcpListener listener = new TcpListener(InetAddress.getLoopbackAddress(), port)) {
            start(port, "TCP_CHECK {\n bind_if lo\n fwmark 7\n }\n TCP_CHECK {\n bind_if nosuch0\n }", "");
            RealServerStateChanged down = awaitEvent(0);
            assertThat(down.up()).isFalse();
            assertThat(down.detail()).containsIgnoringCase("no such device");
            assertThat(service.virtualServers().get(0).realServers().get(0).checkFailures()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void miscCheckDynamicWeightsAndTimeout() throws Exception {
        Path state = dir.resolve("code");
        Files.writeString(state, "0");
        Path script = dir.resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\ncode=$(cat " + state + ")\n[ \"$code\" = sleep ] && exec sleep 30\n"
                + "exit $code\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = freePort();
        start(port, "MISC_CHECK {\n misc_path \"" + script + "\"\n misc_timeout 1\n misc_dynamic\n retry 1\n }", "");
        IpvsServiceKey key = new IpvsServiceKey(false, 6, InetAddress.getLoopbackAddress(), 80, 0);
        await().atMost(WAIT).until(() -> service.virtualServers().get(0).realServers().get(0).lastCheck() != null);
        service.drainIpvs();
        assertThat(ipvs.weights(key)).containsEntry("127.0.0.1:" + port, 4);

        Files.writeString(state, "12");
        await().atMost(WAIT).until(() -> service.virtualServers().get(0).realServers().get(0).weight() == 10);
        service.drainIpvs();
        assertThat(ipvs.weights(key)).containsEntry("127.0.0.1:" + port, 10);

        Files.writeString(state, "1");
        RealServerStateChanged down = awaitEvent(0);
        assertThat(down.up()).isFalse();
        assertThat(down.detail()).isEqualTo("exit status 1");
        assertThat(sink.quorumEvents()).last().satisfies(e -> assertThat(e.met()).isFalse());

        Files.writeString(state, "2");
        RealServerStateChanged up = awaitEvent(1);
        assertThat(up.up()).isTrue();
        assertThat(up.weight()).isZero();

        Files.writeString(state, "sleep");
        RealServerStateChanged timedOut = awaitEvent(2);
        assertThat(timedOut.up()).isFalse();
        assertThat(timedOut.detail()).isEqualTo("timed out");
        assertThat(List.of(sink.realServerEvents().get(0).checker())).containsExactly("MISC_CHECK");
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
