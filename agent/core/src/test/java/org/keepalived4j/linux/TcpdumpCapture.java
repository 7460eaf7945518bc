package org.keepalived4j.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tcpdump -i IF -n -e -l -xx FILTER} in a namespace: each captured frame comes back with
 * tcpdump's summary line and the frame's bytes (Ethernet header included). Stopped by PID.
 */
public final class TcpdumpCapture implements AutoCloseable {

    private static final Pattern FRAME_LENGTH = Pattern.compile("length (\\d+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder diagnostics = new StringBuilder();

    private TcpdumpCapture(Process process) {
        this.process = process;
    }

    /** Starts tcpdump and waits until it reports that it is listening. */
    public static TcpdumpCapture start(String namespace, String device, String filter) throws IOException {
        List<String> command = List.of("ip", "netns", "exec", namespace, "tcpdump", "-i", device, "-n", "-e",
                "-l", "-xx", "-U", filter);
        Process process = new ProcessBuilder(command).start();
        TcpdumpCapture capture = new TcpdumpCapture(process);
        capture.pump(process.getInputStream(), capture.lines, "tcpdump-out");
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        capture.pump(process.getErrorStream(), errors, "tcpdump-err");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String line = errors.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    capture.close();
                    throw new AssertionError("tcpdump did not start listening: " + capture.diagnostics);
                }
                capture.diagnostics.append(line).append('\n');
                if (line.contains("listening on")) {
                    return capture;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            capture.close();
            throw new IOException("interrupted", e);
        }
    }

    /** Waits for {@code count} frames; returns those that came (possibly fewer). */
    public List<Frame> frames(int count, Duration timeout) throws InterruptedException {
        List<Frame> frames = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String summary = null;
        int expected = 0;
        StringBuilder hex = new StringBuilder();
        while (frames.size() < count) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (!line.startsWith("\t")) {
                Matcher length = FRAME_LENGTH.matcher(line);
                summary = length.find() ? line : null;
                expected = summary != null ? Integer.parseInt(length.group(1)) : 0;
                hex.setLength(0);
                continue;
            }
            hex.append(line.substring(line.indexOf(':') + 1).replace(" ", "").trim());
            if (summary != null && hex.length() >= expected * 2) {
                frames.add(new Frame(summary, HexFormat.of().parseHex(hex.substring(0, expected * 2))));
                summary = null;
            }
        }
        return frames;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void pump(java.io.InputStream stream, BlockingQueue<String> target, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    target.add(line);
                }
            } catch (IOException e) {
                target.add("# " + name + " failed: " + e.getMessage());
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One captured frame.
     *
     * @param summary tcpdump's one-line description
     * @param bytes the frame from the Ethernet header on
     */
    public record Frame(String summary, byte[] bytes) {
    }
}
