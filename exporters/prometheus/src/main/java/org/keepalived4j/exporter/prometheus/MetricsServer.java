package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The HTTP(S) server behind the endpoint: {@code /metrics}, {@code /-/healthy} and a landing
 * page, all behind the same authenticator when one is configured. Scrapes run on two threads of
 * its own, never on the daemon's.
 */
final class MetricsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    MetricsServer(ListenAddress listen, SSLContext tls, Authenticator authenticator, HttpHandler metrics)
            throws IOException {
        InetSocketAddress address = listen.host() == null ? new InetSocketAddress(listen.port())
                : new InetSocketAddress(listen.host(), listen.port());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve listen address " + listen);
        }
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 16);
        }
        mount("/metrics", metrics, authenticator);
        mount("/-/healthy", HealthEndpoint.healthy(), authenticator);
        mount("/", HealthEndpoint.landingPage(), authenticator);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "prometheus-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
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
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
