package org.keepalived4j.model;

/**
 * Publishes the daemon's state somewhere (JMX, Jolokia, Prometheus, SNMP, alert sinks).
 * Implementations are found with {@link java.util.ServiceLoader} and need a public no-argument
 * constructor; the daemon never imports them.
 *
 * <p>Lifecycle: the daemon constructs every exporter, calls {@link #start} once after the
 * configuration is loaded and the first snapshot is published, and {@link #close} once on
 * shutdown. An exporter that fails to start is logged and skipped; the daemon keeps running.
 */
public interface Exporter extends AutoCloseable {

    /**
     * A short lower-case name, e.g. {@code prometheus}; its settings block is
     * {@code keepalived4j_<name>}.
     */
    String name();

    /**
     * Checks a settings block without starting anything, for {@code keepalived4j -t}.
     *
     * @return problems found, each starting with the offending line's {@code file:line}
     */
    default java.util.List<String> validate(Settings settings) {
        return java.util.List.of();
    }

    /**
     * A line of this exporter's settings block as {@code -t -D} shows it: its arguments, with
     * every secret replaced by {@link Settings#MASK}. The default is {@link Settings#shown}: every
     * argument of a keyword that {@linkplain Settings#namesSecret names a secret}, and the value
     * of a credential {@code header} line; an exporter whose lines hold secrets at other places
     * (a community after a host) says where.
     */
    default java.util.List<String> shown(Setting setting) {
        return Settings.shown(setting);
    }

    /**
     * Whether the daemon starts this exporter as soon as VRRP runs, before the checkers and the
     * other exporters, rather than after them: for what must not wait for their start-up (the
     * alert sinks run the notify scripts of the startup transitions).
     */
    default boolean urgent() {
        return false;
    }

    /** Starts publishing. Must not block for long; run servers on threads of its own. */
    void start(ExporterContext context) throws Exception;

    /** Stops publishing and releases ports, threads and MBeans. */
    @Override
    void close();
}
