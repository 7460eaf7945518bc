package org.keepalived4j.vrrp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.keepalived4j.config.TrackFileConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * track_file: a file holding a number, watched with inotify (as keepalived does) on a thread
 * of its own; each new value is posted to the loop. A missing or unreadable file, or one that
 * does not start with a number, counts as 0.
 */
final class FileTracking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTracking.class);

    private final Map<Path, TrackedObject> byPath = new LinkedHashMap<>();
    private final Consumer<Runnable> loop;
    private final Consumer<TrackedObject> changed;
    private WatchService watcher;
    private Thread thread;

    FileTracking(Consumer<Runnable> loop, Consumer<TrackedObject> changed) {
        this.loop = loop;
        this.changed = changed;
    }

    void add(TrackFileConfig config, TrackedObject object) {
        Path path = Path.of(config.path()).toAbsolutePath();
        if (config.initValue() != null && (config.initOverwrite() || !Files.exists(path))) {
            try {
                Files.writeString(path, config.initValue() + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                LOG.warn("track_file {}: cannot initialise {}: {}", config.name(), path, e.getMessage());
            }
        }
        byPath.put(path, object);
        object.setValue(read(path));
    }

    void start() throws IOException {
        if (byPath.isEmpty()) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        Set<Path> dirs = new HashSet<>();
        for (Path p : byPath.keySet()) {
            if (dirs.add(p.getParent()) && Files.isDirectory(p.getParent())) {
                p.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        thread = new Thread(this::watch, "track-files");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path dir = (Path) key.watchable();
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        Path full = dir.resolve(name);
                        TrackedObject object = byPath.get(full);
                        if (object != null) {
                            long value = read(full);
                            loop.accept(() -> {
                                if (object.setValue(value)) {
                                    LOG.info("track_file {} now {}", full, value);
                                    changed.accept(object);
                                }
                            });
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    static long read(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
            int end = 0;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || (end == 0 && text.charAt(0) == '-'))) {
                end++;
            }
            return end == 0 || (end == 1 && text.charAt(0) == '-') ? 0 : Long.parseLong(text.substring(0, end));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the file watcher", e);
            }
        }
    }
}
