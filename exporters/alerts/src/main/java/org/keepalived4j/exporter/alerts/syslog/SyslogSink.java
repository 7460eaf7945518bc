package org.keepalived4j.exporter.alerts.syslog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;

/**
 * Alerts as RFC 5424 syslog messages ({@link SyslogMessage} says what each field holds) to
 * {@code /dev/log}, over UDP, TCP or TLS ({@link SyslogTarget}). Every alert by default,
 * only the ones keepalived would mail with {@code mail_only}. The alert's id travels in the
 * structured data, where a receiver can drop a message delivered twice.
 */
final class SyslogSink implements AlertSink {

    private final SyslogSettings settings;
    private final SyslogTransport transport;
    private final SyslogMessage format;

    SyslogSink(SyslogSettings settings) {
        this.settings = settings;
        this.transport = settings.target().transport().stream() ? new StreamTransport(settings)
                : new DatagramTransport(settings.target());
        this.format = new SyslogMessage(settings.facility(), settings.appName(), ProcessHandle.current().pid(),
                settings.sdId(), hostName(), SyslogSink.class.getPackage().getImplementationVersion());
    }

    /** The kernel's host name, for alerts without a router_id; RFC 5424's nil value when unknown. */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            return name.isEmpty() ? "-" : name;
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    @Override
    public String name() {
        return settings.sinkName();
    }

    @Override
    public boolean accepts(Alert alert) {
        return !settings.mailOnly() || alert.mail();
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        transport.send(format.encode(alert, transport.maxBytes()));
    }

    /** The message {@link #deliver} sends for {@code alert}. */
    byte[] message(Alert alert) {
        return format.encode(alert, transport.maxBytes());
    }

    @Override
    public void close() {
        transport.close();
    }

    private String facilityName() {
        return SyslogSettings.FACILITIES.entrySet().stream().filter(e -> e.getValue() == settings.facility())
                .map(java.util.Map.Entry::getKey).findFirst().orElse(Integer.toString(settings.facility()));
    }

    @Override
    public String toString() {
        return "syslog " + settings.target() + ", facility " + facilityName() + ", app " + settings.appName()
                + (settings.mailOnly() ? ", mail_only" : "");
    }
}
