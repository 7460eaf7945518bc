package org.keepalived4j.exporter.http;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named after their server: {@code prometheus-http-io} for the event loop,
 * {@code prometheus-http-1}, {@code -2}... for the handlers, so a thread dump says whose they are
 * and none keeps the JVM alive.
 */
final class NamedThreads implements ThreadFactory {

    private final String name;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private NamedThreads(String name, boolean numbered) {
        this.name = name;
        this.numbered = numbered;
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}... */
    static NamedThreads numbered(String prefix) {
        return new NamedThreads(prefix, true);
    }

    /** Threads called exactly {@code name} (there is one at a time). */
    static NamedThreads single(String name) {
        return new NamedThreads(name, false);
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new FastThreadLocalThread(r, numbered ? name + "-" + count.incrementAndGet() : name);
        t.setDaemon(true);
        return t;
    }
}
