package org.keepalived4j.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A long-running observer command (ip monitor, tcpdump) whose output lines are handed, as they
 * come, to a consumer on a thread of their own. Stopped with SIGTERM to its own pid (the
 * commands exec in place), then SIGKILL.
 */
final class LineStream implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    LineStream(String name, List<String> command, Map<String, String> environment, Consumer<String> lines) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        }
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (seen.size() < 20) {
                        seen.add(line); // for diagnostics: what the command said first
                    }
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process was stopped
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until a line containing {@code text} was read (e.g. tcpdump's "listening on"). */
    void awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().noneMatch(l -> l.contains(text))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("no line with '" + text + "' within " + timeout + ": " + seen);
            }
            Lab.sleep(Duration.ofMillis(20));
        }
    }

    @Override
    public void close() {
        Lab.stop(process);
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
