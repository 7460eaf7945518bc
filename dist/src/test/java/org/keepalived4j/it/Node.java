package org.keepalived4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A VRRP daemon in a namespace: keepalived4j (from dist/target/lib) or the real keepalived
 * 2.2.7. Started in its own session so that the whole process group can be signalled (a
 * SIGKILL of keepalived must also kill its VRRP child).
 */
final class Node implements AutoCloseable {

    enum Kind { KEEPALIVED4J, KEEPALIVED }

    private final Kind kind;
    private final String namespace;
    private final Path dir;
    private final Path log;
    private final String name;
    private final List<String> environment = new ArrayList<>();
    private Process process;

    Node(Kind kind, String namespace, Path dir, String name) {
        this.kind = kind;
        this.namespace = namespace;
        this.dir = dir;
        this.name = name;
        this.log = dir.resolve(name + ".log");
    }

    /** Writes a new configuration in place and sends SIGHUP (the daemon reloads it). */
    void reload(String config) throws IOException {
        Files.writeString(dir.resolve(name + ".conf"), config);
        signal("HUP");
    }

    Node start(String config) throws IOException {
        return start(config, new String[0]);
    }

    /** Sets {@code name} in the environment keepalived4j starts with (and its scripts inherit). */
    Node environment(String name, String value) {
        environment.add(name + "=" + value);
        return this;
    }

    /** Starts the daemon with {@code options} added to its command line (such as {@code -D}). */
    Node start(String config, String... options) throws IOException {
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, config);
        List<String> cmd = new ArrayList<>(List.of("setsid", "ip", "netns", "exec", namespace));
        if (kind == Kind.KEEPALIVED4J) {
            List<String> launch = new ArrayList<>(keepalived4j());
            launch.addAll(2, environment); // after env and its option: NAME=value words
            cmd.addAll(launch);
            cmd.addAll(List.of("-n", "-l", "-f", conf.toString(), "-p", dir.resolve(name + ".pid").toString()));
        } else {
            cmd.addAll(List.of("keepalived", "-n", "-l", "-D", "-f", conf.toString(),
                    "-p", dir.resolve(name + ".pid").toString(), "-r", dir.resolve(name + "-vrrp.pid").toString(),
                    "-c", dir.resolve(name + "-check.pid").toString()));
        }
        cmd.addAll(List.of(options));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** keepalived4j's launch command from dist/target/lib, without its options. */
    private static List<String> keepalived4j() {
        String lib = System.getProperty("keepalived4j.lib");
        String home = System.getProperty("keepalived4j.home");
        // as bin/keepalived4j: signals ignored by whoever started the build (nohup) stay ignored in a JVM
        return List.of("env", "--default-signal=HUP,INT,TERM", javaBinary(), "-Xmx128m", "-XX:+UseShenandoahGC",
                "-Dlogback.configurationFile=" + home + "/conf/logback.xml", "-cp", lib + "/*",
                "org.keepalived4j.daemon.Main");
    }

    /**
     * keepalived4j run once in {@code namespace} with {@code options} (such as {@code -t -D -f
     * FILE}) to its end: what it printed, stdout then stderr, whatever its exit code.
     */
    static String runOnce(String namespace, String... options) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(keepalived4j());
        cmd.addAll(List.of(options));
        return Lab.attempt(Duration.ofSeconds(60), cmd).output();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The daemon's pid (the launch commands exec in place). */
    long pid() {
        return process.pid();
    }

    Kind kind() {
        return kind;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits (up to 5 s) until the log contains {@code text}: log lines follow the actions they describe. */
    String awaitLog(String text) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String current = log();
        while (!current.contains(text) && System.nanoTime() < deadline) {
            Lab.sleep(Duration.ofMillis(50));
            current = log();
        }
        return current;
    }

    /** How many times the log says the instance entered this state ("Entering MASTER STATE"). */
    long entered(String state) {
        return lines("Entering " + state + " STATE");
    }

    /** How many lines of the log so far contain {@code text}. */
    long lines(String text) {
        return log().lines().filter(l -> l.contains(text)).count();
    }

    void signal(String signal) {
        if (process != null && process.isAlive()) {
            Lab.run("kill", "-s", signal, "--", "-" + process.pid());
        }
    }

    /** SIGTERM and wait for the exit. */
    void stop() {
        signal("TERM");
        waitForExit(Duration.ofSeconds(15));
    }

    /** SIGKILL of the whole process group, as a crash. */
    void kill() {
        signal("KILL");
        waitForExit(Duration.ofSeconds(5));
    }

    private void waitForExit(Duration timeout) {
        try {
            if (process != null) {
                process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }
}
