package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}: OpenMetrics or the Prometheus text format, by content negotiation.
 *
 * <p>When the legacy names are on, the Prometheus text format is preferred whenever the client
 * accepts it (Prometheus always does): only that format can carry both
 * {@code keepalived_become_master} (legacy) and {@code keepalived_become_master_total} (today's
 * counter). A client that accepts only OpenMetrics gets OpenMetrics without the legacy names.
 */
final class MetricsEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final Supplier<MetricSnapshots> standard;
    private final Supplier<MetricSnapshots> legacy;
    /** One text buffer per server thread, reused from scrape to scrape. */
    private final ThreadLocal<PrometheusTextWriter> text = ThreadLocal.withInitial(
            () -> new PrometheusTextWriter(256 * 1024));

    /** {@code legacy} may be {@code null}: no legacy names. */
    MetricsEndpoint(Supplier<MetricSnapshots> standard, Supplier<MetricSnapshots> legacy) {
        this.standard = standard;
        this.legacy = legacy;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean om = wantsOpenMetrics(exchange.getRequestHeaders().getFirst("Accept"), legacy != null);
            PrometheusTextWriter body = text.get();
            try {
                body.reset();
                if (om) {
                    body.writeOpenMetrics(standard.get());
                } else {
                    writeText(body);
                }
            } catch (RuntimeException e) {
                LOG.warn("Scrape failed", e);
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    om ? PrometheusTextWriter.OPENMETRICS_CONTENT_TYPE : PrometheusTextWriter.CONTENT_TYPE);
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, 0);
            } else {
                exchange.sendResponseHeaders(200, body.size());
            }
            try (OutputStream out = gzip ? new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024)
                    : exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    /** Appends one scrape in the Prometheus text format. */
    void writeText(PrometheusTextWriter out) {
        out.write(standard.get());
        if (legacy != null) {
            out.write(legacy.get());
        }
    }

    /** Writes one scrape in OpenMetrics. */
    void writeOpenMetrics(PrometheusTextWriter out) {
        out.writeOpenMetrics(standard.get());
    }

    static boolean wantsOpenMetrics(String accept, boolean preferText) {
        if (accept == null || !accept.contains("application/openmetrics-text")) {
            return false;
        }
        if (!preferText) {
            return true;
        }
        return !(accept.contains("text/plain") || accept.contains("*/*"));
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }
}
