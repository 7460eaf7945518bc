package org.keepalived4j.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * keepalived4j's logging when no logback configuration file is named: one line per event on
 * standard output (the journal under systemd), {@code 2026-12-07T10:00:00.000
 * Keepalived4j[vrrp]: (VI_1) Entering MASTER STATE (master no response)}; org.keepalived4j at
 * {@code keepalived4j.log.level} (INFO, DEBUG with -D), everything else at WARN. The same as
 * conf/logback.xml, without reading XML: that costs a start-up 0.15 s, a third of a {@code -t}.
 * A file named with {@code -Dlogback.configurationFile} still wins (its configurator ranks above).
 */
@ConfiguratorRank(ConfiguratorRank.NOMINAL - 5)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** The line layout, as in conf/logback.xml. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS} Keepalived4j[%thread]: %msg%n%ex{short}";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        context.getLogger("org.keepalived4j")
                .setLevel(Level.toLevel(System.getProperty("keepalived4j.log.level"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
