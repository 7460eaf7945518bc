package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real net-snmp for the integration tests, as LAB.md describes it: snmpd as AgentX master with
 * its socket in a temp dir, answering SNMP on 127.0.0.1:1161 and sending its traps to a real
 * snmptrapd on 127.0.0.1:1162, both in a network namespace of their own so the ports collide
 * with nobody's. The subagent in the test's JVM reaches snmpd through the socket file, which
 * no namespace hides. Needs root, {@code ip}, snmpd, snmptrapd and the snmp tools; fails if one
 * is missing.
 */
final class SnmpdLab implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String AGENT = "127.0.0.1:1161";

    private final String namespace = "k4jax" + ProcessHandle.current().pid();
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private Process snmpd;

    SnmpdLab(Path dir) throws IOException {
        this.dir = dir;
        run(List.of("ip", "netns", "del", namespace));
        assertThat(run(List.of("ip", "netns", "add", namespace)).exitCode()).as("ip netns add (root?)").isZero();
        run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        Files.createDirectories(persistent());
        Files.writeString(dir.resolve("snmpd.conf"), String.join("\n",
                "master agentx",
                "agentXSocket " + socket(),
                "agentaddress udp:" + AGENT,
                "rocommunity public 127.0.0.1",
                "rwcommunity private 127.0.0.1",
                "trap2sink 127.0.0.1:1162 public", ""));
        Files.writeString(dir.resolve("snmptrapd.conf"), "disableAuthorization yes\n");
    }

    /**
     * Where net-snmp keeps what it persists: not beside the configuration, since snmpd writes a
     * file named snmpd.conf there at exit.
     */
    private Path persistent() {
        return dir.resolve("persistent");
    }

    /** snmpd's AgentX socket, as the subagent is told it. */
    Path socket() {
        return dir.resolve("agentx.sock");
    }

    void startSnmptrapd() {
        Process trapd = start("snmptrapd.out", "snmptrapd", "-f", "-n", "-On", "-F", "TRAP %v\\n",
                "-Lf", dir.resolve("traps.log").toString(), "-C", "-c", dir.resolve("snmptrapd.conf").toString(),
                "udp:127.0.0.1:1162");
        processes.add(trapd);
        await().atMost(WAIT).until(() -> log("traps.log").contains("NET-SNMP version"));
    }

    void startSnmpd() {
        snmpd = start("snmpd.out", "snmpd", "-f", "-Lf", dir.resolve("snmpd.log").toString(), "-C", "-c",
                dir.resolve("snmpd.conf").toString());
        processes.add(snmpd);
        await().atMost(WAIT).until(() -> Files.exists(socket()));
    }

    /** Stops snmpd as an operator would (SIGTERM) and waits for it to be gone. */
    void stopSnmpd() {
        stop(snmpd);
        processes.remove(snmpd);
    }

    /** Runs a net-snmp tool (snmpwalk, snmpget...) in the namespace: its exit code and output. */
    Result tool(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full);
    }

    /** The varbind lists of the traps snmptrapd received, in arrival order (tab-separated). */
    List<String> traps() throws IOException {
        List<String> traps = new ArrayList<>();
        for (String line : log("traps.log").split("\n")) {
            if (line.startsWith("TRAP ")) {
                traps.add(line.substring(5));
            }
        }
        return traps;
    }

    String log(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public void close() throws IOException {
        for (Process p : processes) {
            stop(p);
        }
        run(List.of("ip", "netns", "del", namespace));
    }

    private Process start(String output, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve(output).toFile());
        builder.environment().put("SNMP_PERSISTENT_DIR", persistent().toString());
        builder.environment().put("MIBS", "");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed (Debian packages snmpd, snmptrapd)", e);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Result run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MIBS", "");
        builder.environment().put("SNMP_PERSISTENT_DIR", persistent().toString());
        Process p = builder.start();
        byte[] output = p.getInputStream().readAllBytes();
        try {
            assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + command, e);
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.ISO_8859_1));
    }

    record Result(int exitCode, String output) {

        /** The lines of the output, one a varbind for a walk or a get. */
        List<String> lines() {
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        }
    }
}
