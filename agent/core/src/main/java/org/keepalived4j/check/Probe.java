package org.keepalived4j.check;

import java.util.concurrent.CompletableFuture;

/**
 * One kind of health check against one target: each run is asynchronous and never blocks the
 * calling event loop. The future may complete on any thread.
 */
interface Probe extends AutoCloseable {

    CompletableFuture<CheckResult> run();

    /** Releases what the probe holds open (sockets, watches); default nothing. */
    @Override
    default void close() {
    }
}
