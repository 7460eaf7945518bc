package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.Headers;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The status line and headers of a response, and how its body is framed, from what a handler
 * passed to {@code sendResponseHeaders(code, length)}: length {@code -1} no body, {@code 0} a
 * body of any length (chunked, or until close for an HTTP/1.0 client), more a body of exactly
 * that many bytes. A HEAD request, 1xx, 204 and 304 never have a body.
 *
 * @param response what the encoder writes
 * @param framing how the body is delimited
 * @param length the body's exact length with {@link Framing#FIXED}, else 0
 * @param keepAlive whether the connection stays open for the next request
 */
record ResponseHead(HttpResponse response, Framing framing, long length, boolean keepAlive) {

    enum Framing { NONE, FIXED, CHUNKED, UNTIL_CLOSE }

    static ResponseHead of(HttpRequest request, int code, long length, Headers headers) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("bad response code " + code);
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code));
        HttpHeaders out = response.headers();
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            out.add(e.getKey(), e.getValue());
        }
        out.remove(HttpHeaderNames.CONTENT_LENGTH);
        out.remove(HttpHeaderNames.TRANSFER_ENCODING);
        if (!out.contains(HttpHeaderNames.DATE)) {
            out.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request)
                && !out.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        Framing framing;
        if (request.method().equals(HttpMethod.HEAD) || code < 200 || code == 204 || code == 304) {
            framing = Framing.NONE;
            if (length > 0 && request.method().equals(HttpMethod.HEAD)) {
                out.set(HttpHeaderNames.CONTENT_LENGTH, length);
            }
        } else if (length < 0) {
            framing = Framing.NONE;
            out.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        } else if (length > 0) {
            framing = Framing.FIXED;
            out.set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            framing = Framing.UNTIL_CLOSE;
            keepAlive = false;
        } else {
            framing = Framing.CHUNKED;
            out.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        if (!keepAlive) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return new ResponseHead(response, framing, framing == Framing.FIXED ? length : 0, keepAlive);
    }
}
