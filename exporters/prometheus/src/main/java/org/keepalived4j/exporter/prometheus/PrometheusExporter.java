package org.keepalived4j.exporter.prometheus;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the daemon's state to Prometheus: {@code /metrics} (Prometheus text format or
 * OpenMetrics, by content negotiation) and {@code /-/healthy}, written at scrape time from the
 * live snapshot. Settings: the {@code keepalived4j_prometheus} block ({@link PrometheusSettings}).
 */
public final class PrometheusExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusExporter.class);

    private MetricsServer server;

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        PrometheusSettings parsed = PrometheusSettings.parse(settings, problems);
        if (problems.isEmpty() && parsed.enabled() && parsed.tls()) {
            try {
                PemKeyStore.serverContext(parsed.tlsCert(), parsed.tlsKey());
            } catch (Exception e) {
                problems.add(settings.last("tls_cert").get().source() + ": tls_cert/tls_key: " + e.getMessage());
            }
        }
        return problems;
    }

    @Override
    public synchronized void start(ExporterContext context) throws Exception {
        List<String> problems = new ArrayList<>();
        PrometheusSettings settings = PrometheusSettings.parse(context.settings(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (!settings.enabled()) {
            LOG.info("Prometheus endpoint disabled ({})", context.settings().source());
            return;
        }
        MetricsEndpoint metrics = new MetricsEndpoint(context.state(), settings.legacyMetrics(),
                settings.realServerCheckHistograms(),
                context.mbeanServer() == null ? null : new AlertSinkCollector(context.mbeanServer()));
        SSLContext tls = settings.tls() ? PemKeyStore.serverContext(settings.tlsCert(), settings.tlsKey()) : null;
        PasswordAuthenticator auth = settings.basicAuth()
                ? new PasswordAuthenticator("keepalived4j", settings.basicAuthUser(), settings.basicAuthPassword())
                : null;
        server = new MetricsServer(settings.listen(), settings.limits(), tls, auth, metrics);
        LOG.info("Prometheus endpoint serving on port {} ({})", server.port(), settings);
    }

    /** The port the endpoint listens on, or -1 when it is not running. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
