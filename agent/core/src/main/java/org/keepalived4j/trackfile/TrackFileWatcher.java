package org.keepalived4j.trackfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keepalived4j.linux.EventFd;
import org.keepalived4j.linux.Inotify;
import org.keepalived4j.linux.PollSet;
import org.keepalived4j.linux.SyscallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells who follows a file when it has a new content, as keepalived notices a track file: when
 * a writer closes it, when another file is moved into its place, and when it is deleted or
 * moved away (then it reads as 0) - never in the middle of a rewrite, so a file being
 * truncated and written again is not seen empty. Its directory is watched with inotify on one
 * thread, started with the first watch; listeners run on that thread and must be quick.
 */
public final class TrackFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFileWatcher.class);
    private static final int EVENTS = Inotify.IN_CLOSE_WRITE | Inotify.IN_MOVED_TO | Inotify.IN_MOVED_FROM
            | Inotify.IN_DELETE;

    private final String name;
    private final Map<Path, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final Map<Integer, Path> directories = new ConcurrentHashMap<>();
    private Inotify inotify;
    private EventFd wakeup;
    private Thread thread;
    private volatile boolean closed;

    /** @param name names the thread ({@code name-files}) */
    public TrackFileWatcher(String name) {
        this.name = name;
    }

    /** Calls {@code onChange} whenever {@code file} has a new content (or is gone). */
    public synchronized void watch(Path file, Runnable onChange) {
        Path absolute = file.toAbsolutePath().normalize();
        listeners.computeIfAbsent(absolute, p -> new CopyOnWriteArrayList<>()).add(onChange);
        try {
            if (inotify == null) {
                inotify = Inotify.open();
                wakeup = EventFd.open();
                thread = new Thread(this::loop, name + "-files");
                thread.setDaemon(true);
                thread.start();
            }
            Path directory = absolute.getParent();
            directories.put(inotify.watch(directory.toString(), EVENTS), directory);
        } catch (SyscallException e) {
            LOG.warn("cannot watch {}: {}", absolute, e.getMessage());
        }
    }

    /** Stops calling {@code onChange} for {@code file}. */
    public synchronized void unwatch(Path file, Runnable onChange) {
        List<Runnable> list = listeners.get(file.toAbsolutePath().normalize());
        if (list != null) {
            list.remove(onChange);
        }
    }

    private void loop() {
        try (PollSet poll = new PollSet(2)) {
            poll.resize(2);
            poll.set(0, inotify.fd());
            poll.set(1, wakeup.fd());
            while (!closed) {
                poll.poll(60_000_000_000L);
                inotify.drain(this::changed);
            }
        } catch (SyscallException | RuntimeException e) {
            if (!closed) {
                LOG.error("{}: file watching stopped", name, e);
            }
        }
    }

    private void changed(int watch, String fileName) {
        Path directory = directories.get(watch);
        if (directory == null) {
            return;
        }
        for (Runnable listener : listeners.getOrDefault(directory.resolve(fileName), List.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: a listener of {} failed", name, directory.resolve(fileName), e);
            }
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed || thread == null) {
                closed = true;
                return;
            }
            closed = true;
            running = thread;
        }
        try {
            wakeup.signal();
            running.join(5000);
        } catch (SyscallException e) {
            LOG.debug("{}: cannot wake the watcher", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!running.isAlive()) {
            inotify.close();
            wakeup.close();
        }
    }
}
