package org.keepalived4j.exporter.alerts.fifo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.NotifyFifoSettings;
import org.keepalived4j.model.Settings;

/**
 * keepalived's notify FIFOs from global_defs, one sink each: {@code fifo} ({@code notify_fifo}:
 * VRRP and LVS lines), {@code vrrp-fifo} ({@code vrrp_notify_fifo}: instances and sync groups),
 * {@code lvs-fifo} ({@code lvs_notify_fifo}: real and virtual servers). As keepalived does at its
 * start: the FIFO is made ({@code prw-------}, given to the line's user and group) unless it
 * exists, then its {@code *_notify_fifo_script} is started with the FIFO's path as last argument.
 * A FIFO that cannot be made, a path holding something else, or a script that cannot start
 * leaves that sink out (keepalived does without the FIFO too), reported with the line's
 * {@code file:line}.
 */
public final class FifoSinkProvider implements AlertSinkProvider {

    @Override
    public String kind() {
        return "fifo";
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        List<AlertSink> sinks = new ArrayList<>();
        for (NotifyFifoSettings fifo : globals.notifyFifos()) {
            AlertSink sink = sink(fifo, problems);
            if (sink != null) {
                sinks.add(sink);
            }
        }
        return sinks;
    }

    private static AlertSink sink(NotifyFifoSettings fifo, List<String> problems) {
        String name;
        Predicate<Alert> wanted;
        switch (fifo.keyword()) {
            case "notify_fifo" -> {
                name = "fifo";
                wanted = FifoLines::written;
            }
            case "vrrp_notify_fifo" -> {
                name = "vrrp-fifo";
                wanted = FifoLines::vrrp;
            }
            case "lvs_notify_fifo" -> {
                name = "lvs-fifo";
                wanted = FifoLines::lvs;
            }
            default -> {
                problems.add(fifo.source() + ": " + fifo.keyword() + " is not a notify FIFO keyword");
                return null;
            }
        }
        Path path = Path.of(fifo.path());
        boolean created;
        try {
            created = Fifos.create(path);
        } catch (IOException | RuntimeException | LinkageError e) {
            problems.add(fifo.source() + ": unable to create " + fifo.keyword() + " " + fifo.path() + " - not using it: "
                    + e.getMessage());
            return null;
        }
        try {
            if (created) {
                Fifos.chown(path, fifo.user(), fifo.group());
            }
            FifoScript script = fifo.script() == null ? null : FifoScript.start(fifo.script(), fifo.path());
            return new FifoSink(name, path, wanted, created, script);
        } catch (IOException | RuntimeException | LinkageError e) {
            problems.add(fifo.source() + ": " + fifo.keyword() + " " + fifo.path() + " - not using it: " + e.getMessage());
            if (created) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // reported above; what is left is an empty FIFO
                }
            }
            return null;
        }
    }
}
