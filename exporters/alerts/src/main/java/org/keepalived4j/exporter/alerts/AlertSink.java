package org.keepalived4j.exporter.alerts;

/**
 * Somewhere alerts go: a mail server, a web hook... A sink only says which alerts it wants and
 * delivers one at a time; queueing, the durable spool, retries and order are the caller's. Sinks
 * come from {@link AlertSinkProvider}s.
 */
public interface AlertSink extends AutoCloseable {

    /**
     * A short name, unique among the sinks ({@code email}, {@code webhook-ops}): it names the
     * sink's spool folder and its series and MBean, so it must stay the same across restarts.
     */
    String name();

    /**
     * Whether this sink delivers the alert. Called once per alert, in the order the daemon
     * emitted them, on one thread: a sink may remember what it accepted before.
     */
    boolean accepts(Alert alert);

    /**
     * Delivers one alert, or throws to have it retried later (with backoff) before any alert
     * that came after it. Called on the sink's own thread, never on the daemon's. An alert may
     * be delivered more than once (after a crash between delivery and its acknowledgement):
     * pass {@link Alert#id} on where the receiver can use it to drop repeats.
     */
    void deliver(Alert alert) throws Exception;

    /** Releases what the sink holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
