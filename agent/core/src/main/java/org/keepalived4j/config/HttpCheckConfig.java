package org.keepalived4j.config;

import java.util.List;

/**
 * {@code HTTP_GET} or {@code SSL_GET}.
 *
 * @param location where the block starts
 * @param ssl whether this is SSL_GET
 * @param options the common checker options
 * @param connection where to connect
 * @param httpProtocol {@code 1.0} (default), {@code 1.0C} or {@code 1.1}
 * @param virtualhost the Host header: the checker's, else the real server's, else the virtual server's, or {@code null}
 * @param enableSni send the virtual host as SNI (SSL_GET)
 * @param fastRecovery check the urls back to back when recovering
 * @param urls the urls, in order
 */
public record HttpCheckConfig(SourceLocation location, boolean ssl, CheckerOptions options, ConnectionConfig connection,
        String httpProtocol, String virtualhost, boolean enableSni, boolean fastRecovery, List<HttpUrlConfig> urls)
        implements CheckerConfig {

    public HttpCheckConfig {
        urls = List.copyOf(urls);
    }

    @Override
    public String type() {
        return ssl ? "SSL_GET" : "HTTP_GET";
    }
}
