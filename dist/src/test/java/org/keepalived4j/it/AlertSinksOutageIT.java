package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert sink through an outage and a crash, on the wire: with every receiver down (a
 * real SMTP server, a web hook receiver, Debian's Alertmanager, a syslog receiver over TCP, no
 * reader on the notify FIFO, and a notify script whose first run hangs until a gate file
 * exists, so its later runs wait), a keepalived4j in a namespace makes 100 state transitions;
 * it is SIGKILLed and started again, the receivers come back (the gate opens), and each gets
 * all 101 alerts (the start and the 100 transitions) in order, then the new run's. The web hook receiver drops
 * repeats by the Idempotency-Key, as such a receiver should, and the mails' Message-IDs are all
 * different: nothing went twice.
 */
class AlertSinksOutageIT {

    private static final int TRANSITIONS = 100;

    @TempDir
    Path dir;

    private Lab lab;
    private String ns;
    private String host;
    private final List<Node> nodes = new ArrayList<>();
    private final List<AutoCloseable> receivers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        lab = new Lab("sinks");
        ns = lab.namespace("a");
        lab.link(ns, "eth0", "10.86.0.1/24", lab.namespace("b"), "eth0", "10.86.0.2/24");
        int net = ThreadLocalRandom.current().nextInt(1, 250);
        host = "10.87." + net + ".1";
        lab.linkToHost("k4js" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)),
                host + "/30", ns, "rcv0", "10.87." + net + ".2/30");
    }

    @AfterEach
    void cleanUp() throws IOException {
        nodes.forEach(Node::kill);
        if (Files.isDirectory(dir)) {
            Files.writeString(gate(), ""); // a notify script still waiting for it ends
        }
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // the FIFO reader's cat
            Lab.stop(p);
        }
        for (AutoCloseable r : receivers) {
            try {
                r.close();
            } catch (Exception e) {
                // the next receiver still has to go
            }
        }
        lab.close();
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** A notify script recording its arguments once the gate file exists. */
    private Path gatedRecorder() throws IOException {
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\nwhile [ ! -e " + gate() + " ]; do sleep 0.1; done\necho \"$@\" >> "
                + dir.resolve("notify.out") + "\n");
        script.toFile().setExecutable(true, false);
        return script;
    }

    private Path gate() {
        return dir.resolve("gate");
    }

    private String config(Path track, Path fifo, int smtp, int hook, int alertmanager, int syslog) throws IOException {
        return "global_defs {\n    router_id lb-sinks\n    notification_email {\n        ops@example.com\n    }\n"
                + "    notification_email_from keepalived@lb-sinks\n    smtp_server " + host + " " + smtp + "\n"
                + "    smtp_connect_timeout 30\n    smtp_alert\n    notify_fifo " + fifo + "\n}\n"
                + "vrrp_track_file tf {\n    file " + track + "\n    weight 0\n}\n"
                + "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 86\n"
                + "    priority 100\n    advert_int 1\n    track_file {\n        tf\n    }\n"
                + "    notify " + gatedRecorder() + "\n"
                + "    virtual_ipaddress {\n        10.86.0.100/24\n    }\n}\n"
                + "keepalived4j_alerts {\n    spool_dir " + dir.resolve("spool") + "\n    retry_initial 0.2\n"
                + "    retry_max 2\n"
                + "    webhook {\n        url http://" + host + ":" + hook + "/hook\n        timeout 5\n    }\n"
                + "    alertmanager {\n        url http://" + host + ":" + alertmanager + "\n        timeout 5\n    }\n"
                + "    syslog {\n        target tcp:" + host + ":" + syslog + "\n        timeout 5\n    }\n"
                + "    exec {\n        timeout 3600\n    }\n}\n";
    }

    /** A web hook receiver that honours the Idempotency-Key: each key is taken once, in order of arrival. */
    static final class HookReceiver implements AutoCloseable {
        private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([A-Z]+)\"");
        final List<String> states = new CopyOnWriteArrayList<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final HttpServer server;

        HookReceiver(String address, int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress(address, port), 50);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                synchronized (seen) {
                    // the instance's alerts (the track file's own, kind "tracker", are not counted here)
                    if (key != null && seen.add(key) && body.contains("\"kind\":\"vrrp_instance\"")) {
                        Matcher m = TO.matcher(body);
                        states.add(m.find() ? m.group(1) : "?");
                        keys.add(key);
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A syslog receiver over TCP (RFC 6587 octet counting): the {@code to} and {@code id} of each message. */
    static final class SyslogReceiver implements AutoCloseable {
        private static final Pattern TO = Pattern.compile(" to=\"([A-Z]+)\"");
        private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
        final List<String> states = new CopyOnWriteArrayList<>();
        private final Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final ServerSocket socket;

        SyslogReceiver(String address, int port) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            Thread t = new Thread(this::accept, "syslog-receiver");
            t.setDaemon(true);
            t.start();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket c = socket.accept();
                    Thread t = new Thread(() -> read(c), "syslog-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void read(Socket c) {
            try (c; DataInputStream in = new DataInputStream(c.getInputStream())) {
                while (true) {
                    int length = 0;
                    int b;
                    while ((b = in.read()) != ' ') {
                        if (b < 0) {
                            return;
                        }
                        length = length * 10 + (b - '0');
                    }
                    byte[] frame = new byte[length];
                    in.readFully(frame);
                    String message = new String(frame, StandardCharsets.UTF_8);
                    Matcher m = TO.matcher(message);
                    Matcher id = ID.matcher(message);
                    // a message sent again after a write timed out carries the same alert id: kept once
                    if (message.contains(" VRRP_INSTANCE [") && id.find() && ids.add(id.group(1))) {
                        states.add(m.find() ? m.group(1) : "?");
                    }
                }
            } catch (IOException e) {
                // the sender went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Debian's Alertmanager on {@code address:port}, without clustering; stopped by the test. */
    private Process startAlertmanager(int port) throws IOException {
        Path am = Files.createDirectories(dir.resolve("alertmanager"));
        Files.writeString(am.resolve("alertmanager.yml"), "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        Path binary = Path.of("/usr/bin/prometheus-alertmanager");
        assertThat(binary).as("Debian's prometheus-alertmanager (bin/test installs it)").isExecutable();
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + am.resolve("alertmanager.yml"),
                "--storage.path=" + am.resolve("data"), "--web.listen-address=" + host + ":" + port,
                "--cluster.listen-address=").redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        processes.add(p);
        Lab.await(() -> get("http://" + host + ":" + port + "/-/ready").startsWith("200"), Duration.ofSeconds(60),
                () -> "Alertmanager not ready: " + read(dir.resolve("alertmanager.log")));
        return p;
    }

    private static String get(String url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "down " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long queued(String metrics, String sink) {
        Matcher m = Pattern.compile("keepalived4j_alert_sink_queued\\{sink=\"" + Pattern.quote(sink)
                + "\"\\} ([0-9.]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /** What run 1 alerted, in order: BACKUP at the start, then FAULT and BACKUP in turn. */
    private static List<String> expectedStates() {
        return IntStream.rangeClosed(0, TRANSITIONS).mapToObj(i -> i % 2 == 0 ? "BACKUP" : "FAULT").toList();
    }

    @Test
    void everySinkGetsEveryAlertInOrderAfterAnOutageAndACrash() throws Exception {
        int smtpPort = freePort(host);
        int hookPort = freePort(host);
        int amPort = freePort(host);
        int syslogPort = freePort(host);
        Path track = dir.resolve("track");
        Files.writeString(track, "0\n");
        Path fifo = dir.resolve("notify.fifo");
        String config = config(track, fifo, smtpPort, hookPort, amPort, syslogPort);

        // every receiver down: 100 transitions, all spooled
        Node first = new Node(Node.Kind.KEEPALIVED4J, ns, dir, "first").start(config);
        nodes.add(first);
        Lab.await(() -> first.entered("BACKUP") == 1, Duration.ofSeconds(30), () -> "no BACKUP: " + first.log());
        for (int i = 1; i <= TRANSITIONS; i++) {
            boolean fault = i % 2 == 1;
            Files.writeString(track, fault ? "1\n" : "0\n");
            long want = fault ? (i + 1) / 2 : i / 2 + 1;
            String state = fault ? "FAULT" : "BACKUP";
            Lab.await(() -> first.entered(state) == want, Duration.ofSeconds(30),
                    () -> "transition " + want + " to " + state + " not seen: " + first.log());
        }
        assertThat(first.entered("MASTER")).as("the instance never got to MASTER between the toggles").isZero();
        String[] sinks = {"email", "webhook", "alertmanager", "syslog", "fifo"};
        // mail, the FIFO and Alertmanager take the instance's alerts only; the web hook and syslog the
        // track file's too
        Lab.awaitScrape(ns, m -> Arrays.stream(sinks).allMatch(s -> queued(m, s) >= TRANSITIONS + 1)
                && queued(m, "email") == TRANSITIONS + 1 && queued(m, "fifo") == TRANSITIONS + 1
                && queued(m, "alertmanager") == TRANSITIONS + 1
                // the script's first run started (and hangs): the other 100 wait for it to end
                && queued(m, "exec") == TRANSITIONS, Duration.ofSeconds(60));
        Path notifyOut = dir.resolve("notify.out");
        assertThat(notifyOut).doesNotExist();

        // a crash, then the second run starts in FAULT while the receivers come back; the first run's
        // script outlives the crash (its own process group) and, the gate open, records the start
        first.kill();
        Files.writeString(gate(), "");
        Lab.await(() -> linesOf(notifyOut).size() == 1, Duration.ofSeconds(30), () -> "the first script run");
        Files.writeString(track, "1\n");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receivers.add(smtp::stop);
        HookReceiver hook = new HookReceiver(host, hookPort);
        receivers.add(hook);
        SyslogReceiver syslog = new SyslogReceiver(host, syslogPort);
        receivers.add(syslog);
        startAlertmanager(amPort);
        Path fifoOut = dir.resolve("fifo.out");
        Process reader = new ProcessBuilder("sh", "-c", "while :; do cat \"$0\" >> \"$1\"; done", fifo.toString(),
                fifoOut.toString()).start();
        processes.add(reader);
        Node second = new Node(Node.Kind.KEEPALIVED4J, ns, dir, "second").start(config);
        nodes.add(second);

        int all = TRANSITIONS + 2; // run 1's, then run 2's FAULT at its start
        Lab.await(() -> Mails.fresh(smtp.getReceivedMessages(), Set.of()).size() >= all && hook.states.size() >= all
                && syslog.states.size() >= all && linesOf(fifoOut).size() >= all
                && linesOf(notifyOut).size() >= all, Duration.ofSeconds(180),
                () -> "mails " + smtp.getReceivedMessages().length + ", hook " + hook.states.size() + ", syslog "
                        + syslog.states.size() + ", fifo " + linesOf(fifoOut).size() + ", script "
                        + linesOf(notifyOut).size() + "\n" + second.log());
        List<String> expected = new ArrayList<>(expectedStates());
        expected.add("FAULT");

        // mail is at least once: one the server took while the sender gave up waiting for its answer
        // comes again with the same Message-ID, one mail to a client; counted as such a client does
        List<String> subjects = Mails.each(Mails.fresh(smtp.getReceivedMessages(), Set.of()), MimeMessage::getSubject);
        assertThat(subjects.subList(0, all)).containsExactlyElementsOf(
                expected.stream().map(s -> "[lb-sinks] VRRP Instance VI_1 - Entering " + s + " state").toList());
        assertThat(hook.states.subList(0, all)).containsExactlyElementsOf(expected);
        assertThat(syslog.states.subList(0, all)).containsExactlyElementsOf(expected);
        assertThat(linesOf(fifoOut).subList(0, all)).containsExactlyElementsOf(
                expected.stream().map(s -> "INSTANCE \"VI_1\" " + s + " 100").toList());
        // the script: each transition's run once, in order (a run is acknowledged once started)
        assertThat(linesOf(notifyOut).subList(0, all)).containsExactlyElementsOf(
                expected.stream().map(s -> "INSTANCE VI_1 " + s + " 100").toList());

        // Alertmanager keeps conditions, not a list: every alert was taken, and VI_1 is in FAULT now
        Lab.awaitScrape(ns, m -> Arrays.stream(sinks).allMatch(s -> queued(m, s) == 0) && queued(m, "exec") == 0,
                Duration.ofSeconds(60));
        String active = get("http://" + host + ":" + amPort + "/api/v2/alerts?active=true");
        assertThat(active).contains("\"alertname\":\"KeepalivedVrrpFault\"", "\"iname\":\"VI_1\"",
                "\"router_id\":\"lb-sinks\"");
        assertThat(second.log()).doesNotContain("Exception in thread", "\tat org.keepalived4j");
    }

    private static List<String> linesOf(Path out) {
        try {
            return Files.exists(out) ? Files.readAllLines(out) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
