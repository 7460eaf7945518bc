package org.keepalived4j.check;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Watches track files (inotify through WatchService) on one thread and tells who follows them. */
final class FileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileWatcher.class);

    private final Map<Path, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<Path, WatchKey> directories = new ConcurrentHashMap<>();
    private WatchService service;
    private Thread thread;

    synchronized void watch(Path file, Runnable onChange) {
        Path absolute = file.toAbsolutePath();
        listeners.computeIfAbsent(absolute, p -> new CopyOnWriteArrayList<>()).add(onChange);
        try {
            if (service == null) {
                service = FileSystems.getDefault().newWatchService();
                thread = new Thread(this::loop, "track-file-watcher");
                thread.setDaemon(true);
                thread.start();
            }
            Path dir = absolute.getParent();
            if (!directories.containsKey(dir)) {
                directories.put(dir, dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
            }
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", absolute, e.getMessage());
        }
    }

    synchronized void unwatch(Path file, Runnable onChange) {
        List<Runnable> list = listeners.get(file.toAbsolutePath());
        if (list != null) {
            list.remove(onChange);
        }
    }

    private void loop() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.context() instanceof Path name) {
                    listeners.getOrDefault(dir.resolve(name), List.of()).forEach(Runnable::run);
                }
            }
            key.reset();
        }
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service: {}", e.toString());
            }
        }
    }
}
