package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
    private final OpenMetricsTextFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
    private volatile int lastSize = 64 * 1024;

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
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            boolean om = wantsOpenMetrics(accept, legacy != null);
            ByteArrayOutputStream body = new ByteArrayOutputStream(lastSize + lastSize / 8);
            boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            try (OutputStream out = gzip ? new GZIPOutputStream(body, 64 * 1024) : body) {
                write(out, om);
            } catch (RuntimeException e) {
                LOG.warn("Scrape failed", e);
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            lastSize = body.size();
            exchange.getResponseHeaders().set("Content-Type", om ? openMetrics.getContentType() : text.getContentType());
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.size());
            body.writeTo(exchange.getResponseBody());
        }
    }

    /** Writes one scrape in the chosen format. */
    void write(OutputStream out, boolean om) throws IOException {
        if (om) {
            openMetrics.write(out, standard.get(), EscapingScheme.DEFAULT);
        } else {
            text.write(out, standard.get(), EscapingScheme.DEFAULT);
            if (legacy != null) {
                text.write(out, legacy.get(), EscapingScheme.DEFAULT);
            }
        }
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
        return acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }
}
