package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import javax.net.ssl.SSLSession;

/**
 * The exchange a handler sees on a TLS connection: an {@link HttpsExchange}, so that a handler
 * can tell HTTPS from HTTP (Jolokia refuses an https origin on plain HTTP) and read the session.
 */
final class TlsExchange extends HttpsExchange {

    private final Exchange exchange;
    private final SSLSession session;

    TlsExchange(Exchange exchange, SSLSession session) {
        this.exchange = exchange;
        this.session = session;
    }

    @Override
    public SSLSession getSSLSession() {
        return session;
    }

    @Override
    public Headers getRequestHeaders() {
        return exchange.requestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return exchange.responseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return exchange.uri();
    }

    @Override
    public String getRequestMethod() {
        return exchange.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.context();
    }

    @Override
    public void close() {
        exchange.close();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.requestBody();
    }

    @Override
    public OutputStream getResponseBody() {
        return exchange.responseBody();
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        exchange.sendResponseHeaders(code, length);
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.remoteAddress();
    }

    @Override
    public int getResponseCode() {
        return exchange.responseCode();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.localAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.attribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.attribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        exchange.streams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.principal();
    }
}
