package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The founding LVS configurations (seeds 001, 002, 003), unmodified, checking their real
 * servers in monitor-only mode inside a namespace that has the seeds' addresses on lo with
 * HTTP, TLS and TCP listeners on them.
 */
class SeedNamespaceIT {

    private static final String NS = "lvsseed";
    private static final List<String> ADDRESSES = List.of("172.18.200.100", "172.18.249.57", "192.168.201.100",
            "192.168.201.101", "192.168.233.20", "192.168.233.30");
    private Process child;
    private PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void namespace() {
        Netns.delete(NS);
        Netns.run("ip", "netns", "add", NS);
        Netns.exec(NS, "ip", "link", "set", "lo", "up");
        for (String a : ADDRESSES) {
            Netns.exec(NS, "ip", "addr", "add", a + "/32", "dev", "lo");
        }
    }

    @AfterEach
    void cleanup() throws InterruptedException {
        if (child != null) {
            commands.println("quit");
            commands.flush();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        Netns.delete(NS);
    }

    private static String seed(String name) throws URISyntaxException {
        return Path.of(SeedNamespaceIT.class.getResource("/conformance/" + name).toURI()).toString();
    }

    private String await(Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (match.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no matching line within " + seconds + " s; saw " + seen);
    }

    private List<String> snapshot() throws InterruptedException {
        commands.println("snap");
        commands.flush();
        List<String> out = new ArrayList<>();
        for (String line = await(l -> l.startsWith("SNAP") || l.equals("END"), 10); !line.equals("END");
                line = await(l -> l.startsWith("SNAP") || l.equals("END"), 10)) {
            out.add(line);
        }
        return out;
    }

    @Test
    void seedsCheckTheirRealServersInMonitorOnlyMode() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder("ip", "netns", "exec", NS, java, "-cp", System.getProperty("java.class.path"),
                SeedMonitorMain.class.getName(), seed("001-dual-master-lvs-dr.conf"), seed("002-annotated-full.conf"),
                seed("003-lvs-dr-backup.conf")).redirectErrorStream(true).start();
        commands = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("READ-ERROR " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        await(l -> l.equals("STARTED ipvs=false"), 60);

        // delay_loop 6 with the default warmup: every server is checked within about 6 s
        List<String> snap = List.of();
        for (int i = 0; i < 30 && (snap.isEmpty() || snap.stream().anyMatch(l -> l.contains("checked=false"))); i++) {
            Thread.sleep(1000);
            snap = snapshot();
        }
        assertThat(snap).contains(
                "SNAP 172.18.50.50:80/tcp 172.18.200.100:80 alive=true checked=true result=HTTP status code 200",
                "SNAP 172.18.50.50:80/tcp 172.18.249.57:80 alive=true checked=true result=HTTP status code 200",
                "SNAP 172.18.51.51:80/tcp 172.18.200.100:80 alive=true checked=true result=HTTP status code 200",
                "SNAP 192.168.200.100:443/tcp 192.168.201.101:443 alive=true checked=true result=OK",
                "SNAP 192.168.233.100:80/tcp 192.168.233.20:80 alive=true checked=true result=OK",
                "SNAP 192.168.233.100:80/tcp 192.168.233.30:80 alive=true checked=true result=OK");
        // seed 002's SSL_GET expects a digest this page does not have: keepalived would mark it down too
        assertThat(snap).anyMatch(l -> l.startsWith("SNAP 192.168.200.100:443/tcp 192.168.201.100:443 alive=false")
                && l.contains("MD5 digest error"));
        assertThat(seen).anyMatch(l -> l.startsWith("RS 192.168.200.100:443/tcp 192.168.201.100:443 down"));

        commands.println("stop 192.168.233.30:80");
        await(l -> l.startsWith("RS 192.168.233.100:80/tcp 192.168.233.30:80 down"), 30);
        commands.println("stop 172.18.249.57:80");
        await(l -> l.startsWith("RS 172.18.50.50:80/tcp 172.18.249.57:80 down"), 40);
        assertThat(seen).noneMatch(l -> l.startsWith("QUORUM 172.18.50.50:80/tcp lost"));
        commands.println("stop 172.18.200.100:80");
        await(l -> l.equals("QUORUM 172.18.50.50:80/tcp lost"), 40);
    }
}
