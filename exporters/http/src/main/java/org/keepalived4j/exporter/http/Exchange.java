package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One complete request and its response, run on a handler thread: the context's filters, then
 * its authenticator (as the JDK's server orders them), then its handler. The
 * {@link HttpExchange} the handler sees ({@link PlainExchange} or {@link TlsExchange})
 * delegates here.
 *
 * <p>The exchange ends when the handler returns: what it did not finish is finished then. A
 * handler that sent nothing and did not close the exchange gets 200 with no body and the
 * headers it set (as a servlet container answers; Jolokia's CORS preflight relies on it); one
 * that closed the exchange without sending headers gets its connection closed, as with the
 * JDK's server; one that failed before sending gets 500, after sending a closed connection.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final NettyHttpContext context;
    private final Channel channel;
    private final FullHttpRequest request;
    private final URI uri;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ResponseStream response;
    private final HttpExchange facade;
    private InputStream in;
    private OutputStream out;
    private HttpPrincipal principal;
    private int responseCode = -1;
    private boolean closed;

    /** {@code session} is the TLS session, {@code null} for plain HTTP. */
    Exchange(NettyHttpContext context, Channel channel, FullHttpRequest request, URI uri, ResponseStream response,
            SSLSession session) {
        this.context = context;
        this.channel = channel;
        this.request = request;
        this.uri = uri;
        this.response = response;
        for (Map.Entry<String, String> h : request.headers()) {
            requestHeaders.add(h.getKey(), h.getValue());
        }
        this.in = new ByteBufInputStream(request.content().duplicate());
        this.out = response;
        this.facade = session == null ? new PlainExchange(this) : new TlsExchange(this, session);
    }

    /** Runs the exchange to its end; never throws. */
    void run() {
        boolean failed = false;
        try {
            new Filter.Chain(context.getFilters(), this::authenticateThenHandle).doFilter(facade);
        } catch (IOException e) {
            LOG.debug("{} {} from {}: {}", method(), uri, channel.remoteAddress(), e.toString());
            failed = true;
        } catch (RuntimeException e) {
            LOG.warn("{} {}: the handler of {} failed", method(), uri, context.getPath(), e);
            failed = true;
        } finally {
            finish(failed);
            request.release();
        }
    }

    private void authenticateThenHandle(HttpExchange exchange) throws IOException {
        Authenticator authenticator = context.getAuthenticator();
        if (authenticator != null) {
            Authenticator.Result result = authenticator.authenticate(exchange);
            if (result instanceof Authenticator.Success success) {
                principal = success.getPrincipal();
            } else if (result instanceof Authenticator.Retry retry) {
                sendResponseHeaders(retry.getResponseCode(), -1);
                return;
            } else if (result instanceof Authenticator.Failure failure) {
                sendResponseHeaders(failure.getResponseCode(), -1);
                return;
            } else {
                throw new IllegalStateException("unknown authenticator result " + result);
            }
        }
        HttpHandler handler = context.getHandler();
        if (handler == null) {
            throw new IllegalStateException("no handler for context " + context.getPath());
        }
        handler.handle(exchange);
    }

    private void finish(boolean failed) {
        try {
            if (!response.started()) {
                if (closed || !channel.isActive()) {
                    channel.close();
                    return;
                }
                if (failed) {
                    responseHeaders.clear();
                    responseHeaders.set("Connection", "close");
                }
                sendResponseHeaders(failed ? 500 : 200, -1);
            } else if (!response.complete()) {
                if (failed) {
                    response.release();
                    channel.close();
                    return;
                }
                response.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} {}: cannot finish the response: {}", method(), uri, e.toString());
            response.release();
            channel.close();
        }
    }

    // ---- what PlainExchange and TlsExchange delegate to

    Headers requestHeaders() {
        return requestHeaders;
    }

    Headers responseHeaders() {
        return responseHeaders;
    }

    URI uri() {
        return uri;
    }

    String method() {
        return request.method().name();
    }

    NettyHttpContext context() {
        return context;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
            if (response.started()) {
                out.close();
            }
        } catch (IOException e) {
            LOG.debug("{} {}: {}", method(), uri, e.toString());
            channel.close();
        }
    }

    InputStream requestBody() {
        return in;
    }

    OutputStream responseBody() {
        return out;
    }

    void sendResponseHeaders(int code, long length) throws IOException {
        if (response.started()) {
            throw new IOException("response headers already sent");
        }
        responseCode = code;
        response.start(ResponseHead.of(request, code, length, responseHeaders));
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    int responseCode() {
        return responseCode;
    }

    String protocol() {
        return request.protocolVersion().text();
    }

    Object attribute(String name) {
        return attributes.get(name);
    }

    void attribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    void streams(InputStream in, OutputStream out) {
        if (in != null) {
            this.in = in;
        }
        if (out != null) {
            this.out = out;
        }
    }

    HttpPrincipal principal() {
        return principal;
    }
}
