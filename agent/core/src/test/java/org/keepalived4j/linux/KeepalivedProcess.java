package org.keepalived4j.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real keepalived 2.2.7 running in the foreground in a namespace, with its own pid files
 * and log, stopped (SIGTERM, then SIGKILL) by the PIDs it was started with.
 */
public final class KeepalivedProcess implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final Path log;

    private KeepalivedProcess(Process process, Path directory, Path log) {
        this.process = process;
        this.directory = directory;
        this.log = log;
    }

    /** Writes {@code config} to a fresh directory and starts {@code keepalived -n -l -D} in {@code namespace}. */
    public static KeepalivedProcess start(String namespace, String config) throws IOException {
        Path directory = Files.createTempDirectory("keepalived-" + namespace);
        Path file = directory.resolve("keepalived.conf");
        Files.writeString(file, config);
        Path log = directory.resolve("keepalived.log");
        List<String> command = List.of("ip", "netns", "exec", namespace, "keepalived", "-n", "-l", "-D",
                "-f", file.toString(), "-p", directory.resolve("k.pid").toString(),
                "-r", directory.resolve("kv.pid").toString(), "-c", directory.resolve("kc.pid").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new KeepalivedProcess(process, directory, log);
    }

    /** Everything keepalived logged so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log contains {@code text}; fails with the log if it does not within {@code timeout}. */
    public void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("keepalived exited with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("keepalived did not log \"" + text + "\" within " + timeout + ":\n" + log());
    }

    @Override
    public void close() throws IOException {
        long vrrpChild = readPid("kv.pid");
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (vrrpChild > 0) {
            ProcessHandle.of(vrrpChild).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (var files = Files.list(directory)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(path);
            }
        }
        Files.deleteIfExists(directory);
    }

    private long readPid(String name) {
        try {
            return Long.parseLong(Files.readString(directory.resolve(name)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
