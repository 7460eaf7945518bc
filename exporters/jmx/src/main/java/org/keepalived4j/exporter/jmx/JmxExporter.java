package org.keepalived4j.exporter.jmx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXServiceURL;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one MXBean per VRRP instance, sync group, virtual server and real server, plus one
 * for the daemon, in the {@code keepalived} domain of the context's MBean server, kept in step
 * with reloads; forwards state changes as {@link javax.management.AttributeChangeNotification}s;
 * and, when configured, serves them to remote JMX clients ({@link JmxSettings}).
 */
public final class JmxExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(JmxExporter.class);

    private ExecutorService notifier;
    private MBeanTopology topology;
    private AutoCloseable subscription;
    private RemoteConnector remote;

    @Override
    public String name() {
        return "jmx";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        JmxSettings parsed = JmxSettings.parse(settings, problems);
        if (problems.isEmpty() && parsed.remote()) {
            try {
                authenticator(parsed);
                access(parsed);
                if (parsed.tls()) {
                    TlsContexts.server(parsed);
                }
            } catch (Exception e) {
                problems.add(settings.source() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    @Override
    public synchronized void start(ExporterContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        JmxSettings settings = JmxSettings.parse(context.settings(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jmx-notifications");
            t.setDaemon(true);
            return t;
        });
        topology = new MBeanTopology(context.mbeanServer(), context.state(), notifier);
        subscription = context.state().subscribe(new NotificationForwarder(topology, context.state()));
        topology.sync(context.state().current());
        if (settings.remote()) {
            if (settings.bind() != null && System.getProperty("java.rmi.server.hostname") == null) {
                // RMI stubs carry this host name; clients must reach the connector on the bound address.
                System.setProperty("java.rmi.server.hostname", settings.bind());
            }
            try {
                remote = RemoteConnector.start(settings, context.mbeanServer(), authenticator(settings),
                        access(settings));
            } catch (Exception | Error e) {
                close();
                throw e;
            }
        }
        LOG.info("JMX: {} MBeans in domain keepalived, {}", topology.size(), settings);
    }

    private static JMXAuthenticator authenticator(JmxSettings s) throws Exception {
        if (s.authenticatorClass() != null) {
            Object a = Class.forName(s.authenticatorClass()).getDeclaredConstructor().newInstance();
            if (!(a instanceof JMXAuthenticator auth)) {
                throw new IllegalArgumentException(s.authenticatorClass() + " is not a JMXAuthenticator");
            }
            return auth;
        }
        return PasswordFileAuthenticator.load(s.passwordFile());
    }

    private static AccessLevels access(JmxSettings s) throws Exception {
        Path file = s.accessFile();
        return file == null ? AccessLevels.readOnlyForAll() : AccessLevels.load(file);
    }

    /** The remote connector's address, or {@code null} when remote JMX is off. */
    public synchronized JMXServiceURL remoteAddress() {
        return remote == null ? null : remote.address();
    }

    @Override
    public synchronized void close() {
        if (remote != null) {
            remote.close();
            remote = null;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("Closing the event subscription failed", e);
            }
            subscription = null;
        }
        if (topology != null) {
            topology.clear();
            topology = null;
        }
        if (notifier != null) {
            notifier.shutdown();
            try {
                notifier.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            notifier = null;
        }
    }
}
