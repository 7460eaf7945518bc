package org.keepalived4j.vrrp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.trackfile.TrackFileContent;
import org.keepalived4j.trackfile.TrackFileWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * track_file: a file holding a number ({@link TrackFileContent}), followed with the daemon's
 * {@link TrackFileWatcher} as keepalived follows it; each new value is posted to the loop.
 */
final class FileTracking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileTracking.class);

    private final Map<Path, TrackedObject> byPath = new LinkedHashMap<>();
    private final TrackFileWatcher watcher = new TrackFileWatcher("track-file");
    private final Consumer<Runnable> loop;
    private final Consumer<TrackedObject> changed;

    FileTracking(Consumer<Runnable> loop, Consumer<TrackedObject> changed) {
        this.loop = loop;
        this.changed = changed;
    }

    void add(TrackFileConfig config, TrackedObject object) {
        TrackFileContent.initialise(config);
        Path path = Path.of(config.path()).toAbsolutePath();
        byPath.put(path, object);
        object.setValue(TrackFileContent.read(path));
    }

    void start() {
        byPath.forEach((path, object) -> watcher.watch(path, () -> {
            long value = TrackFileContent.read(path);
            loop.accept(() -> {
                if (object.setValue(value)) {
                    LOG.info("track_file {} now {}", path, value);
                    changed.accept(object);
                }
            });
        }));
    }

    @Override
    public void close() {
        watcher.close();
    }
}
