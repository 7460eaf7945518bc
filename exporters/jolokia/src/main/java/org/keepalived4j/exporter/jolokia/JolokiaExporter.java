package org.keepalived4j.exporter.jolokia;

import com.sun.net.httpserver.HttpContext;
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
import org.keepalived4j.exporter.http.NettyHttpServer;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jolokia agent serving the MBeans (those of the JMX exporter in the
 * {@code keepalived} domain, and JVM basics) as JSON over HTTP. Bound to 127.0.0.1:8778 and
 * read-only by default. It always runs with a policy file given as a {@code file:} location:
 * Jolokia allows everything when a policy is missing, so a missing file stops the start. The
 * policy Jolokia reads is a private copy with the CORS rules added ({@link AccessPolicy}); the
 * commands a policy cannot restrict are refused by the {@link CommandGate}. Requests are served
 * by a {@link NettyHttpServer} ({@code jolokia-http-*} threads) with the block's limits.
 * Settings: the {@code keepalived4j_jolokia} block ({@link JolokiaSettings}).
 */
public final class JolokiaExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaExporter.class);
    private static final String SHIPPED_POLICY = "jolokia-access.xml";
    private static final String COPY_PREFIX = "keepalived4j-jolokia-access-";
    /** A policy copy: with the writer's process id, or (older ones) a random number only. */
    private static final java.util.regex.Pattern COPY =
            java.util.regex.Pattern.compile("keepalived4j-jolokia-access(?:-(\\d+)-\\d+|\\d+)\\.xml");
    private static final String CONTEXT = "/jolokia";
    /** Jolokia's requests are small JSON documents; bulk reads stay far below this. */
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int HANDLER_THREADS = 4;

    private NettyHttpServer http;
    private JolokiaServer agent;
    /** The policy as Jolokia reads it: a private copy. */
    private Path policyCopy;

    @Override
    public String name() {
        return "jolokia";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        JolokiaSettings parsed = JolokiaSettings.parse(settings, problems);
        if (problems.isEmpty() && parsed.enabled() && parsed.policyFile() != null) {
            try {
                policy(parsed);
            } catch (IOException e) {
                problems.add(settings.last("policy_file").get().source() + ": policy_file: " + e.getMessage());
            }
        }
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
        try {
            policyCopy = writePrivately(policy(settings));
            AgentConfig config = new AgentConfig(agentConfig(settings, policyCopy));
            http = NettyHttpServer.builder("jolokia-http").limits(settings.limits())
                    .tls(settings.tls() ? config.tls() : null).handlerThreads(HANDLER_THREADS)
                    .maxBodyBytes(MAX_BODY_BYTES).bind(new InetSocketAddress(settings.host(), settings.port()));
            agent = new AgentServer(http, config, new Slf4jLogHandler());
            agent.start(false);
            authenticateConfigContext();
            http.start();
            // Jolokia has read the policy as it started: the copy goes now, not at a stop a
            // SIGKILL would skip
            deletePolicyCopy();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        LOG.info("Jolokia agent serving at {} ({})", url(), settings);
    }

    /**
     * Jolokia serves {@code /jolokia/config} without authentication, on purpose, for clients to
     * learn how to log in; but its handler answers any command POSTed there, so with user and
     * password set, reads would go through unauthenticated. It gets the agent's authenticator.
     */
    private void authenticateConfigContext() {
        HttpContext main = http.context(CONTEXT);
        HttpContext config = http.context(CONTEXT + "/config");
        if (main != null && config != null) {
            config.setAuthenticator(main.getAuthenticator());
        }
    }

    static Map<String, String> agentConfig(JolokiaSettings settings, Path policy) {
        Map<String, String> config = new HashMap<>();
        config.put("host", settings.host());
        config.put("port", Integer.toString(settings.port()));
        config.put("agentContext", CONTEXT);
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

    /** The policy Jolokia is to read: the configured or built-in one, with the CORS rules. */
    static byte[] policy(JolokiaSettings settings) throws IOException {
        byte[] source;
        if (settings.policyFile() != null) {
            source = Files.readAllBytes(settings.policyFile());
        } else {
            try (InputStream in = JolokiaExporter.class.getResourceAsStream(SHIPPED_POLICY)) {
                if (in == null) {
                    throw new IOException("the built-in Jolokia policy is missing from the jar");
                }
                source = in.readAllBytes();
            }
        }
        AccessPolicy policy = AccessPolicy.parse(source);
        if (policy.hasCors() && !settings.corsOrigins().isEmpty()) {
            throw new IOException("has its own <cors> section; give the allowed origins there or with cors_origin,"
                    + " not both");
        }
        return policy.withCors(settings.corsOrigins());
    }

    /**
     * An owner-only temporary file named after this process: Jolokia needs a file: location.
     * It is deleted as soon as the agent has read it; one left by a daemon killed in between is
     * deleted by the next start ({@link #deleteStaleCopies}).
     */
    private static Path writePrivately(byte[] policy) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        deleteStaleCopies(dir);
        Path file = Files.createTempFile(dir, COPY_PREFIX + ProcessHandle.current().pid() + "-", ".xml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, policy);
        return file;
    }

    /**
     * Deletes the policy copies in {@code dir} whose process is gone; returns how many. Copies
     * named as before they carried a process id are deleted once they are a minute old (a
     * daemon reads its copy within a second of writing it).
     */
    static int deleteStaleCopies(Path dir) {
        int deleted = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                java.util.regex.Matcher m = COPY.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                boolean stale = m.group(1) != null
                        ? ProcessHandle.of(Long.parseLong(m.group(1))).map(p -> !p.isAlive()).orElse(true)
                        : Files.getLastModifiedTime(f).toMillis() < System.currentTimeMillis() - 60_000;
                if (stale && Files.deleteIfExists(f)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot sweep {} for stale Jolokia policy copies", dir, e);
        }
        return deleted;
    }

    /** The agent's base URL, e.g. {@code http://127.0.0.1:8778/jolokia/}, or {@code null} when not running. */
    public synchronized String url() {
        if (agent == null) {
            return null;
        }
        InetSocketAddress a = agent.getAddress();
        String host = a.getAddress().getHostAddress();
        return agent.getServerConfig().getProtocol() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + a.getPort() + CONTEXT + "/";
    }

    /** The address the agent listens on, or {@code null} when not running. */
    public synchronized InetSocketAddress address() {
        return agent == null ? null : agent.getAddress();
    }

    @Override
    public synchronized void close() {
        if (agent != null) {
            agent.stop();
            agent = null;
        }
        if (http != null) {
            http.stop(0);
            http = null;
        }
        deletePolicyCopy();
    }

    private void deletePolicyCopy() {
        if (policyCopy != null) {
            try {
                Files.deleteIfExists(policyCopy);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}", policyCopy, e);
            }
            policyCopy = null;
        }
    }
}
