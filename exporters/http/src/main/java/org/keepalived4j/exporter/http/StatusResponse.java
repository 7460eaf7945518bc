package org.keepalived4j.exporter.http;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;

/** The bodiless answers the server gives on its own: 400, 404, 408, 414, 431, 500, 503. */
final class StatusResponse {

    private StatusResponse() {
    }

    static FullHttpResponse of(HttpResponseStatus status, boolean keepAlive) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        r.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        if (!keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return r;
    }
}
