package org.keepalived4j.linux;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A dedicated thread that has entered a network namespace ({@code setns} on
 * {@code /var/run/netns/NAME}): sockets created by tasks run here live in that namespace, and
 * {@code /proc/sys/net} opened here shows its parameters.
 */
public final class NamespaceThread implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final String namespace;
    private final ExecutorService executor;

    private NamespaceThread(String namespace) {
        this.namespace = namespace;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "netns-" + namespace);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the thread and moves it into {@code namespace}. */
    public static NamespaceThread enter(String namespace) throws Exception {
        NamespaceThread thread = new NamespaceThread(namespace);
        try {
            thread.run(() -> NetworkNamespaces.enterOnCurrentThread(Path.of("/var/run/netns", namespace)));
            return thread;
        } catch (Exception | Error e) {
            thread.close();
            throw e;
        }
    }

    /** Runs {@code task} on the thread and returns its result, rethrowing what it throws. */
    public <T> T call(Callable<T> task) throws Exception {
        try {
            return executor.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("task in namespace " + namespace + " did not finish in time", e);
        }
    }

    /** Runs {@code task} on the thread. */
    public void run(Task task) throws Exception {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** The namespace this thread is in. */
    public String namespace() {
        return namespace;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A task that may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }
}
