package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.keepalived4j.model.ListenAddress;
import org.keepalived4j.exporter.http.HttpLimits;
import org.keepalived4j.exporter.http.NettyHttpServer;

/**
 * The HTTP(S) server behind the endpoint: {@code /metrics}, {@code /-/healthy} and a landing
 * page, all behind the same authenticator when one is configured. Scrapes run on two threads of
 * its own ({@code prometheus-http-1}, {@code -2}), never on the daemon's; requests are read by a
 * third ({@code prometheus-http-io}), so clients that send slowly hold neither.
 *
 * <p>Two handler threads: a scrape is CPU work (the project's machines have two cores) and each
 * thread keeps what its scrapes reuse: a 64 KiB output buffer (the exposition is streamed) and
 * the arrays of one scrape, about 1.5 MB for 10,000 real servers. A client that never reads its
 * response holds one of them for at most {@code write_timeout}; more threads would only raise
 * the number of such clients needed to delay scrapes, at the price of those arrays each.
 */
final class MetricsServer implements AutoCloseable {

    static final int HANDLER_THREADS = 2;
    /** Prometheus sends GET requests without a body. */
    private static final int MAX_BODY_BYTES = 8 * 1024;

    private final NettyHttpServer server;

    MetricsServer(ListenAddress listen, HttpLimits limits, SSLContext tls, Authenticator authenticator,
            HttpHandler metrics) throws IOException {
        InetSocketAddress address = listen.anyHost() ? new InetSocketAddress(listen.port())
                : new InetSocketAddress(listen.host(), listen.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve listen address " + listen);
        }
        server = NettyHttpServer.builder("prometheus-http").limits(limits).tls(tls).handlerThreads(HANDLER_THREADS)
                .maxBodyBytes(MAX_BODY_BYTES).bind(address);
        mount("/metrics", metrics, authenticator);
        mount("/-/healthy", HealthEndpoint.healthy(), authenticator);
        mount("/", HealthEndpoint.landingPage(), authenticator);
        server.start();
    }

    private void mount(String path, HttpHandler handler, Authenticator authenticator) {
        HttpContext context = server.createContext(path, handler);
        if (authenticator != null) {
            context.setAuthenticator(authenticator);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
