package org.keepalived4j.exporter.jolokia;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jolokia agent serving the MBeans (those of the JMX exporter in the
 * {@code keepalived} domain, and JVM basics) as JSON over HTTP. Bound to 127.0.0.1:8778 and
 * read-only by default. It always runs with a policy file given as a {@code file:} location:
 * Jolokia allows everything when a policy is missing, so a missing file stops the start.
 * Settings: the {@code keepalived4j_jolokia} block ({@link JolokiaSettings}).
 */
public final class JolokiaExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaExporter.class);
    private static final String SHIPPED_POLICY = "jolokia-access.xml";

    private JolokiaServer server;
    private Path extractedPolicy;

    @Override
    public String name() {
        return "jolokia";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        JolokiaSettings.parse(settings, problems);
        return problems;
    }

    @Override
    public synchronized void start(ExporterContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        JolokiaSettings settings = JolokiaSettings.parse(context.settings(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (!settings.enabled()) {
            LOG.info("Jolokia agent disabled ({})", context.settings().source());
            return;
        }
        Path policy = settings.policyFile() != null ? settings.policyFile() : extractShippedPolicy();
        try {
            if (!Files.isReadable(policy)) {
                throw new IOException("Jolokia policy " + policy + " is not readable; not starting without one");
            }
            JolokiaServerConfig config = new JolokiaServerConfig(agentConfig(settings, policy),
                    SystemPropertyMode.NEVER);
            server = new JolokiaServer(config, new Slf4jLogHandler());
            server.start(false);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        LOG.info("Jolokia agent serving at {} ({})", url(), settings);
    }

    static Map<String, String> agentConfig(JolokiaSettings settings, Path policy) {
        Map<String, String> config = new HashMap<>();
        config.put("host", settings.host());
        config.put("port", Integer.toString(settings.port()));
        config.put("agentContext", "/jolokia");
        config.put("policyLocation", "file:" + policy.toAbsolutePath());
        config.put("discoveryEnabled", "false");
        config.put("includeStackTrace", "false");
        config.put("serializeException", "false");
        config.put("allowErrorDetails", "false");
        config.put("debug", "false");
        config.put("agentId", "keepalived4j");
        if (settings.user() != null) {
            config.put("user", settings.user());
            config.put("password", settings.password());
        }
        if (settings.tls()) {
            config.put("protocol", "https");
            config.put("serverCert", settings.tlsCert().toAbsolutePath().toString());
            config.put("serverKey", settings.tlsKey().toAbsolutePath().toString());
            config.put("serverKeyAlgorithm", settings.tlsKeyAlgorithm());
        }
        return config;
    }

    /** Writes the shipped read-only policy to an owner-only temporary file: Jolokia needs a file: location. */
    private Path extractShippedPolicy() throws IOException {
        Path file = Files.createTempFile("keepalived4j-jolokia-access", ".xml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (InputStream in = JolokiaExporter.class.getResourceAsStream(SHIPPED_POLICY)) {
            if (in == null) {
                throw new IOException("the built-in Jolokia policy is missing from the jar");
            }
            Files.write(file, in.readAllBytes());
        }
        extractedPolicy = file;
        return file;
    }

    /** The agent's base URL, e.g. {@code http://127.0.0.1:8778/jolokia/}, or {@code null} when not running. */
    public synchronized String url() {
        if (server == null) {
            return null;
        }
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return server.getServerConfig().getProtocol() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + a.getPort() + "/jolokia/";
    }

    /** The address the agent listens on, or {@code null} when not running. */
    public synchronized InetSocketAddress address() {
        return server == null ? null : server.getAddress();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (extractedPolicy != null) {
            try {
                Files.deleteIfExists(extractedPolicy);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}", extractedPolicy, e);
            }
            extractedPolicy = null;
        }
    }
}
