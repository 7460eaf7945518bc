package org.keepalived4j.vrrp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.keepalived4j.config.TrackProcessConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vrrp_track_process: counts matching processes by scanning /proc once a second (keepalived
 * listens to the kernel's process connector; a scan gives the same verdict, at most a second
 * later). Up when the count is within quorum..quorum_max; a change must last {@code delay}
 * (or {@code terminate_delay} / {@code fork_delay}) before it counts.
 */
final class ProcessTracking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessTracking.class);

    private static final class Watched {
        final TrackProcessConfig config;
        final TrackedObject object;
        Boolean candidate;
        long candidateSince;
        volatile int running;

        Watched(TrackProcessConfig config, TrackedObject object) {
            this.config = config;
            this.object = object;
        }
    }

    private final List<Watched> watched = new ArrayList<>();
    private final Path proc;
    private final Consumer<Runnable> loop;
    private final Consumer<TrackedObject> changed;
    private ScheduledExecutorService scanner;

    ProcessTracking(Path proc, Consumer<Runnable> loop, Consumer<TrackedObject> changed) {
        this.proc = proc;
        this.loop = loop;
        this.changed = changed;
    }

    void add(TrackProcessConfig config, TrackedObject object) {
        watched.add(new Watched(config, object));
    }

    void start() {
        if (watched.isEmpty()) {
            return;
        }
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "track-processes");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scan, 0, 1, TimeUnit.SECONDS);
    }

    private void scan() {
        List<String[]> processes = processes();
        long now = System.nanoTime();
        for (Watched w : watched) {
            int count = 0;
            for (String[] p : processes) {
                if (ProcessMatch.matches(w.config, p[0], p[1])) {
                    count++;
                }
            }
            w.running = count;
            int max = w.config.quorumMax() > 0 ? w.config.quorumMax() : Integer.MAX_VALUE;
            boolean up = count >= w.config.quorum() && count <= max;
            decide(w, up, now, count);
        }
    }

    private void decide(Watched w, boolean up, long now, int count) {
        if (!w.object.pending() && up == w.object.up()) {
            w.candidate = null;
            return;
        }
        if (w.candidate == null || w.candidate != up) {
            w.candidate = up;
            w.candidateSince = now;
        }
        long delayMicros = up ? Math.max(w.config.forkDelayMicros(), w.config.delayMicros())
                : Math.max(w.config.terminateDelayMicros(), w.config.delayMicros());
        if (w.object.pending() || now - w.candidateSince >= delayMicros * 1000) {
            w.candidate = null;
            loop.accept(() -> {
                if (w.object.setUp(up)) {
                    LOG.info("track_process {}: {} matching process(es), now {}", w.config.name(), count,
                            up ? "up" : "down");
                    changed.accept(w.object);
                }
            });
        }
    }

    /** How many processes matched {@code name} at the last scan (0 when it is not watched). */
    int running(String name) {
        for (Watched w : watched) {
            if (w.config.name().equals(name)) {
                return w.running;
            }
        }
        return 0;
    }

    /** [comm, cmdline with NULs as spaces] of every process. */
    private List<String[]> processes() {
        List<String[]> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                try {
                    String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip();
                    byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
                    String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
                    out.add(new String[] {comm, cmdline});
                } catch (IOException e) {
                    // the process went away while we looked
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot scan {}: {}", proc, e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }
}
