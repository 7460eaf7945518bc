package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.keepalived4j.model.StateView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}: OpenMetrics or the Prometheus text format, by content negotiation.
 *
 * <p>When the legacy names are on, the Prometheus text format is preferred whenever the client
 * accepts it (Prometheus always does): only that format can carry both
 * {@code keepalived_become_master} (legacy) and {@code keepalived_become_master_total} (today's
 * counter). A client that accepts only OpenMetrics gets OpenMetrics without the legacy names.
 *
 * <p>The exposition is streamed: written from the state straight into the (gzip) response, a
 * buffer at a time, so a scrape's memory does not grow with the daemon. A scrape that fits in
 * one buffer goes out with its {@code Content-Length}, a larger one chunked. A scrape that fails
 * before its first buffer went out is answered 500; one that fails later has its connection
 * closed before the end of the response, so that the client never takes it for complete.
 */
final class MetricsEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final int GZIP_BUFFER = 64 * 1024;

    private final StateView state;
    private final KeepalivedCollector standard;
    private final KeepalivedCollector legacy;
    private final AlertSinkCollector alertSinks;
    private final SkippedObjects skipped = new SkippedObjects();
    /** One scrape's arrays and one output buffer per server thread, reused from scrape to scrape. */
    private final ThreadLocal<Scraper> scrapers;

    private static final class Scraper {
        final Scrape scrape;
        final PrometheusTextWriter writer;

        Scraper(SkippedObjects skipped, int bufferSize) {
            scrape = new Scrape(skipped);
            writer = new PrometheusTextWriter(bufferSize);
        }
    }

    /**
     * @param legacyMetrics also serve the common exporter's pre-1.0 names (text format only)
     * @param alertSinks where the alert sinks' figures are read, or {@code null}
     */
    MetricsEndpoint(StateView state, boolean legacyMetrics, boolean realServerCheckHistograms,
            AlertSinkCollector alertSinks) {
        this(state, legacyMetrics, realServerCheckHistograms, alertSinks, PrometheusTextWriter.BUFFER_SIZE);
    }

    /** With another output buffer size (tests). */
    MetricsEndpoint(StateView state, boolean legacyMetrics, boolean realServerCheckHistograms,
            AlertSinkCollector alertSinks, int bufferSize) {
        this.state = state;
        this.standard = KeepalivedCollector.standard(realServerCheckHistograms);
        this.legacy = legacyMetrics ? KeepalivedCollector.legacy() : null;
        this.alertSinks = alertSinks;
        this.scrapers = ThreadLocal.withInitial(() -> new Scraper(skipped, bufferSize));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        boolean om = wantsOpenMetrics(exchange.getRequestHeaders().getFirst("Accept"), legacy != null);
        boolean head = method.equals("HEAD");
        Response response = new Response(exchange, om,
                !head && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
        Scraper scraper = scrapers.get();
        PrometheusTextWriter body = scraper.writer;
        try {
            // a HEAD request is answered as its GET would be, without the body
            write(scraper, head ? OutputStream.nullOutputStream() : response, om);
            if (head) {
                response.contentType();
                exchange.sendResponseHeaders(200, -1);
            } else {
                if (!response.started()) {
                    response.start(body.buffered()); // all of it is in the buffer: its length is known
                }
                body.flush();
                response.close();
            }
        } catch (RuntimeException e) {
            if (!response.started()) {
                LOG.warn("Scrape failed", e);
                exchange.sendResponseHeaders(500, -1);
            } else {
                LOG.warn("Scrape failed after {} bytes of the response were sent; it is cut short", body.flushed(),
                        e);
                response.abandon();
                throw new IOException("scrape failed", e); // the server closes the connection
            }
        } catch (IOException e) {
            response.abandon(); // the client went away, or did not read within write_timeout
            throw e;
        }
        exchange.close();
    }

    /** One whole scrape in the Prometheus text format (with the legacy names when on), to {@code out}. */
    void writeText(OutputStream out) throws IOException {
        Scraper scraper = scrapers.get();
        write(scraper, out, false);
        scraper.writer.flush();
    }

    /** One whole scrape in OpenMetrics, to {@code out}. */
    void writeOpenMetrics(OutputStream out) throws IOException {
        Scraper scraper = scrapers.get();
        write(scraper, out, true);
        scraper.writer.flush();
    }

    /** Writes a scrape; what is left in the writer's buffer is for the caller to flush. */
    private void write(Scraper scraper, OutputStream out, boolean openMetrics) throws IOException {
        Scrape scrape = scraper.scrape;
        PrometheusTextWriter writer = scraper.writer;
        try {
            scrape.prepare(state.current(), alertSinks);
            writer.start(out, openMetrics);
            standard.write(scrape, writer);
            if (legacy != null && !openMetrics) {
                legacy.write(scrape, writer);
            }
            writer.end();
        } finally {
            scrape.clear();
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
        return acceptEncoding != null && acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** The response body: its status line and headers go out with its first bytes. */
    private static final class Response extends OutputStream {

        private final HttpExchange exchange;
        private final boolean openMetrics;
        private final boolean gzip;
        private OutputStream out;
        private Gzip compressed;

        Response(HttpExchange exchange, boolean openMetrics, boolean gzip) {
            this.exchange = exchange;
            this.openMetrics = openMetrics;
            this.gzip = gzip;
        }

        boolean started() {
            return out != null;
        }

        void contentType() {
            exchange.getResponseHeaders().set("Content-Type",
                    openMetrics ? PrometheusTextWriter.OPENMETRICS_CONTENT_TYPE : PrometheusTextWriter.CONTENT_TYPE);
        }

        /** Sends 200 and the headers; {@code length} 0: not known yet (chunked). */
        void start(long length) throws IOException {
            contentType();
            if (gzip) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, 0);
                compressed = new Gzip(exchange.getResponseBody());
                out = compressed;
            } else {
                exchange.sendResponseHeaders(200, length);
                out = exchange.getResponseBody();
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (out == null) {
                start(0);
            }
            out.write(b, off, len);
        }

        /** Ends the response (the gzip trailer first). */
        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }

        /** After a failure: frees the compressor, sends nothing more. */
        void abandon() {
            if (compressed != null) {
                compressed.abandon();
            }
        }
    }

    private static final class Gzip extends GZIPOutputStream {

        Gzip(OutputStream out) throws IOException {
            super(out, GZIP_BUFFER);
        }

        void abandon() {
            def.end();
        }
    }
}
