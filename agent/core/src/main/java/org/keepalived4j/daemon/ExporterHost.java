package org.keepalived4j.daemon;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;
import javax.management.MBeanServer;
import org.keepalived4j.config.ConfigDumper;
import org.keepalived4j.linux.BackgroundPriority;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.StateView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the exporters on the class path ({@link ServiceLoader}), starts each with its settings
 * block, and stops them in reverse order. An exporter that fails to start is logged and
 * skipped: the daemon keeps running.
 */
final class ExporterHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExporterHost.class);

    private final List<Exporter> started = new ArrayList<>();

    /** Every exporter on the class path, not yet started. */
    static List<Exporter> discover() {
        List<Exporter> found = new ArrayList<>();
        for (Exporter e : ServiceLoader.load(Exporter.class)) {
            found.add(e);
        }
        return found;
    }

    /** How {@code -t -D} shows a keepalived4j block's line: as its exporter masks it, else by keyword. */
    static ConfigDumper.Shown shown() {
        java.util.Map<String, Exporter> byBlock = new java.util.HashMap<>();
        for (Exporter e : discover()) {
            byBlock.put(blockName(e), e);
        }
        return (block, setting) -> {
            Exporter owner = byBlock.get(block);
            return owner != null ? owner.shown(setting) : ConfigDumper.BY_KEYWORD.args(block, setting);
        };
    }

    /** The problems each exporter finds in its settings block, for {@code -t}. */
    static List<String> validate(Function<String, Settings> settingsByBlock) {
        List<String> problems = new ArrayList<>();
        for (Exporter e : discover()) {
            problems.addAll(e.validate(settingsByBlock.apply(blockName(e))));
        }
        return problems;
    }

    static String blockName(Exporter exporter) {
        return "keepalived4j_" + exporter.name();
    }

    void start(StateView state, Clock clock, Function<String, Settings> settingsByBlock) {
        start(state, clock, settingsByBlock, "keepalived", ScriptLauncher.NONE, e -> true);
    }

    /**
     * Starts every exporter {@code which} selects ({@link Exporter#urgent} ones first, the others
     * later); {@code daemonName} is the pid file's name without .pid, {@code scripts} runs the
     * scripts an exporter asks for (the notify scripts).
     */
    void start(StateView state, Clock clock, Function<String, Settings> settingsByBlock, String daemonName,
            ScriptLauncher scripts, java.util.function.Predicate<Exporter> which) {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        for (Exporter exporter : discover()) {
            if (!which.test(exporter)) {
                continue;
            }
            ExporterContext context = new ExporterContext() {
                @Override
                public StateView state() {
                    return state;
                }

                @Override
                public MBeanServer mbeanServer() {
                    return mbeans;
                }

                @Override
                public Clock clock() {
                    return clock;
                }

                @Override
                public String daemonName() {
                    return daemonName;
                }

                @Override
                public ScriptLauncher scripts() {
                    return scripts;
                }

                @Override
                public Settings settings() {
                    // as the configuration in force says: after a reload, the reloaded block
                    return settingsByBlock.apply(blockName(exporter));
                }
            };
            try {
                startInBackground(exporter, context);
                started.add(exporter);
                LOG.info("exporter {} started", exporter.name());
            } catch (Exception | LinkageError e) {
                LOG.error("exporter {} failed to start: {}", exporter.name(), e.toString());
                exporter.close();
            }
        }
    }

    /**
     * Starts the exporter on a thread at {@link BackgroundPriority}: every thread the exporter
     * makes (its servers, senders, queues) inherits that nice value from it, so exporters yield
     * the CPU to the VRRP thread without each of them having to ask.
     */
    private static void startInBackground(Exporter exporter, ExporterContext context) throws Exception {
        Throwable[] failure = new Throwable[1];
        Thread starter = BackgroundPriority.threads().newThread(() -> {
            try {
                exporter.start(context);
            } catch (Exception | LinkageError e) {
                failure[0] = e;
            }
        });
        starter.setName("exporter-start-" + exporter.name());
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
        if (failure[0] instanceof Exception e) {
            throw e;
        }
        if (failure[0] instanceof LinkageError e) {
            throw e;
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Exporter exporter = started.get(i);
            try {
                exporter.close();
            } catch (RuntimeException e) {
                LOG.warn("exporter {} failed to stop cleanly", exporter.name(), e);
            }
        }
        started.clear();
    }
}
