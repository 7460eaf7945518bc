package org.keepalived4j.exporter.alerts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.keepalived4j.exporter.alerts.spool.Spool;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert sinks ({@code keepalived4j_alerts}): every sink an {@link AlertSinkProvider} makes
 * from the configuration gets the alerts it wants through a durable spool of its own, under
 * {@code spool_dir/SINK}. Alerts are made from the event log from the daemon's start on, so the
 * startup transitions are alerted as keepalived alerts them. A reload that changes what the sinks
 * are made from makes them anew; their spools, and what waits in them, stay.
 */
public final class AlertsExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsExporter.class);
    private static final Duration DRAIN = Duration.ofSeconds(3);

    private final List<AlertSinkProvider> providers;
    private final List<SinkDelivery> deliveries = new ArrayList<>();
    private ExporterContext context;
    private AutoCloseable subscription;
    private Object madeFrom;
    private java.util.concurrent.ScheduledExecutorService ticker;

    public AlertsExporter() {
        this(ServiceLoader.load(AlertSinkProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    AlertsExporter(List<AlertSinkProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    @Override
    public String name() {
        return "alerts";
    }

    /** Started right after VRRP: the startup transitions' notify scripts and mails wait for nothing else. */
    @Override
    public boolean urgent() {
        return true;
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        AlertsSettings.parse(settings, "keepalived", kinds(), problems);
        AlertRoute.parse(settings, problems);
        for (AlertSinkProvider provider : providers) {
            try {
                provider.validate(settings, problems);
            } catch (RuntimeException e) {
                problems.add(settings.source() + ": " + provider.kind() + " sinks could not be checked: " + e);
            }
        }
        return problems;
    }

    private Set<String> kinds() {
        Set<String> kinds = new HashSet<>();
        providers.forEach(p -> kinds.add(p.kind()));
        return kinds;
    }

    @Override
    public void start(ExporterContext context) throws Exception {
        this.context = context;
        synchronized (this) {
            build();
        }
        // the routes' summaries go out when their window ends, whether or not another alert comes
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alerts-routes");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        subscription = context.state().subscribeFromStart(new StateListener() {
            private final AlertMapper mapper = new AlertMapper(() -> context.state().daemon(), AlertsExporter.this::offer);

            @Override
            public void onEvent(long sequence, StateEvent event) {
                if (event instanceof ConfigReloaded) {
                    rebuildIfChanged();
                }
                mapper.onEvent(sequence, event);
            }
        });
    }

    private synchronized void tick() {
        for (SinkDelivery d : deliveries) {
            try {
                d.tick();
            } catch (RuntimeException e) {
                LOG.error("alert sink {}: route summaries: {}", d.name(), e.toString());
            }
        }
    }

    private synchronized void offer(Alert alert) {
        for (SinkDelivery d : deliveries) {
            d.offer(alert);
        }
    }

    /** Makes the sinks the configuration in force asks for, each with its spool, and starts their deliveries. */
    private void build() {
        GlobalSettings globals = context.state().daemon().settings();
        Settings block = context.settings();
        madeFrom = java.util.Arrays.asList(globals.mail(), globals.notifyFifos(), block);
        List<String> problems = new ArrayList<>();
        AlertsSettings settings = AlertsSettings.parse(block, context.daemonName(), kinds(), problems);
        List<AlertRoute> routes = AlertRoute.parse(block, problems);
        List<AlertSink> sinks = new ArrayList<>();
        for (AlertSinkProvider provider : providers) {
            try {
                sinks.addAll(provider.create(globals, block, context.scripts(), problems));
            } catch (RuntimeException | LinkageError e) {
                // a provider's bug or a platform it cannot run on (Libc): its sinks are left out, never the daemon
                problems.add(block.source() + ": " + provider.kind() + " sinks could not be made: " + e);
            }
        }
        Set<String> made = new HashSet<>();
        sinks.forEach(s -> made.add(s.name()));
        for (AlertRoute route : routes) {
            for (String sink : route.sinks()) {
                if (!made.contains(sink)) {
                    problems.add(route.source() + ": route names sink '" + sink + "', which is not configured (sinks: "
                            + new java.util.TreeSet<>(made) + ")");
                }
            }
        }
        problems.forEach(p -> LOG.warn("{}", p));
        Set<String> names = new HashSet<>();
        for (AlertSink sink : sinks) {
            if (!names.add(sink.name())) {
                LOG.error("two alert sinks named {}: the second one is left out", sink.name());
                continue;
            }
            try {
                Spool spool = Spool.open(settings.spoolDir().resolve(sink.name()), settings.spoolMaxBytes(),
                        settings.spoolMaxAge(), context.clock());
                SinkDelivery delivery = new SinkDelivery(sink, new AlertGate(sink.name(), routes), spool,
                        context.clock(), settings.retryInitial(), settings.retryMax());
                deliveries.add(delivery);
                register(delivery);
                delivery.start();
                LOG.info("alert sink {} started ({}), spool {}", sink.name(), sink,
                        settings.spoolDir().resolve(sink.name()));
            } catch (IOException e) {
                LOG.error("alert sink {} cannot start: its spool {}: {}", sink.name(),
                        settings.spoolDir().resolve(sink.name()), e.toString());
                sink.close();
            }
        }
    }

    private MBeanServer mbeans() {
        return context.mbeanServer() != null ? context.mbeanServer() : ManagementFactory.getPlatformMBeanServer();
    }

    /** The sink's MBean name: {@code keepalived:type=AlertSink,name=SINK}. */
    private static ObjectName beanName(SinkDelivery delivery) throws JMException {
        return new ObjectName("keepalived:type=AlertSink,name=" + ObjectName.quote(delivery.name()));
    }

    private void register(SinkDelivery delivery) {
        try {
            mbeans().registerMBean(new AlertSinkBean(delivery::status), beanName(delivery));
        } catch (JMException e) {
            LOG.warn("alert sink {}: no MBean: {}", delivery.name(), e.toString());
        }
    }

    private synchronized void rebuildIfChanged() {
        GlobalSettings globals = context.state().daemon().settings();
        Object now = java.util.Arrays.asList(globals.mail(), globals.notifyFifos(), context.settings());
        if (Objects.equals(now, madeFrom)) {
            return;
        }
        LOG.info("alert sinks: the reloaded configuration changes them, making them anew");
        stopDeliveries(Duration.ZERO);
        build();
    }

    /** What each sink has done, for tests and status pages. */
    public synchronized List<SinkStatus> status() {
        return deliveries.stream().map(SinkDelivery::status).toList();
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("alerts: closing the subscription: {}", e.toString());
            }
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            stopDeliveries(DRAIN);
        }
    }

    /** Gives the deliveries up to {@code drain} to empty their spools, then stops them; what is left waits for the next start. */
    private void stopDeliveries(Duration drain) {
        deliveries.forEach(SinkDelivery::flushHeld);
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && deliveries.stream().anyMatch(d -> d.status().queued() > 0)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (SinkDelivery d : deliveries) {
            int left = d.status().queued();
            d.close();
            if (left > 0) {
                LOG.info("alert sink {}: {} alert(s) stay in the spool for the next start", d.name(), left);
            }
            try {
                if (mbeans().isRegistered(beanName(d))) {
                    mbeans().unregisterMBean(beanName(d));
                }
            } catch (JMException e) {
                LOG.debug("alerts: unregistering the MBean of {}: {}", d.name(), e.toString());
            }
        }
        deliveries.clear();
    }
}
