package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real keepalived 2.2.7 in a network namespace of its own (with an interface eth0) to
 * see how it reads a configuration: {@code --dump-conf} output of a short run, stopped by the
 * PID of the process started here.
 */
final class KeepalivedLab implements AutoCloseable {

    private static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");
    private static final Pattern LOG_LINE = Pattern.compile("^\\w{3} \\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4}: (.*)$");

    private final String namespace;
    private final Path work;

    private KeepalivedLab(String namespace, Path work) {
        this.namespace = namespace;
        this.work = work;
    }

    /** Creates the namespace; fails the test if that is impossible (not root, no keepalived). */
    static KeepalivedLab start(Path work) throws IOException, InterruptedException {
        assertThat(KEEPALIVED).as("keepalived 2.2.7 (apt-get install keepalived)").isExecutable();
        assertThat(run(List.of(KEEPALIVED.toString(), "--version"))).contains("Keepalived v2.2.7");
        String namespace = "lexerit" + (ProcessHandle.current().pid() % 100_000);
        run(List.of("ip", "netns", "del", namespace));
        assertThat(run(List.of("ip", "netns", "add", namespace))).as("ip netns add (needs root)").isEmpty();
        KeepalivedLab lab = new KeepalivedLab(namespace, work);
        lab.ns("ip", "link", "set", "lo", "up");
        lab.ns("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "peth0");
        lab.ns("ip", "link", "set", "eth0", "up");
        lab.ns("ip", "link", "set", "peth0", "up");
        lab.ns("ip", "addr", "add", "10.99.0.1/24", "dev", "eth0");
        return lab;
    }

    private void ns(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        String out = run(full);
        assertThat(out).as(String.join(" ", command)).isEmpty();
    }

    /**
     * Runs keepalived on {@code config} until it has dumped its configuration and returns its log
     * lines without time stamps.
     */
    List<String> dump(Path config, String configId) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "keepalived", ".log");
        List<String> command = List.of("ip", "netns", "exec", namespace, KEEPALIVED.toString(), "-n", "-l", "-D", "-d",
                "-P", "-i", configId, "-f", config.toString(),
                "-p", work.resolve("k.pid").toString(), "-r", work.resolve("v.pid").toString(),
                "-c", work.resolve("c.pid").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && !Files.readString(out, StandardCharsets.ISO_8859_1).contains("< Interfaces >")) {
                assertThat(process.isAlive()).as("keepalived still running; output:%n%s",
                        Files.readString(out, StandardCharsets.ISO_8859_1)).isTrue();
                Thread.sleep(100);
            }
        } finally {
            stop(process);
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.ISO_8859_1)) {
            Matcher m = LOG_LINE.matcher(line);
            lines.add(m.matches() ? m.group(1) : line);
        }
        assertThat(lines).as("keepalived dumped its configuration").anyMatch(l -> l.contains("< Interfaces >"));
        return lines;
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of("ip", "netns", "del", namespace));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deleting namespace " + namespace, e);
        }
    }
}
