package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    @Test
    void setsUpWhatConfLogbackXmlSetsUp() throws Exception {
        String xml = Files.readString(Path.of("../../conf/logback.xml"));
        assertThat(xml).contains("<pattern>" + ConsoleLogging.PATTERN + "</pattern>")
                .contains("<logger name=\"org.keepalived4j\" level=\"${keepalived4j.log.level:-INFO}\"/>")
                .contains("<root level=\"WARN\">");

        LoggerContext context = new LoggerContext();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.keepalived4j").getLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("console");
        assertThat(console.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN);
    }

    @Test
    void detailLevelComesFromTheProperty() {
        System.setProperty("keepalived4j.log.level", "DEBUG");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogging logging = new ConsoleLogging();
            logging.setContext(context);
            logging.configure(context);
            assertThat(context.getLogger("org.keepalived4j.vrrp").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        } finally {
            System.clearProperty("keepalived4j.log.level");
        }
    }

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(ConsoleLogging.class.getName());
    }
}
