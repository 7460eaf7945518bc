package org.keepalived4j.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class ResponseHeadTest {

    private static HttpRequest request(HttpVersion version, HttpMethod method, String... headers) {
        HttpRequest r = new DefaultHttpRequest(version, method, "/");
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    private static final HttpRequest GET = request(HttpVersion.HTTP_1_1, HttpMethod.GET);

    @Test
    void framesTheBodyAsTheLengthTheHandlerGave() {
        ResponseHead fixed = ResponseHead.of(GET, 200, 42, new Headers());
        assertThat(fixed.framing()).isEqualTo(ResponseHead.Framing.FIXED);
        assertThat(fixed.response().headers().get("Content-Length")).isEqualTo("42");
        ResponseHead chunked = ResponseHead.of(GET, 200, 0, new Headers());
        assertThat(chunked.framing()).isEqualTo(ResponseHead.Framing.CHUNKED);
        assertThat(chunked.response().headers().get("Transfer-Encoding")).isEqualTo("chunked");
        ResponseHead none = ResponseHead.of(GET, 405, -1, new Headers());
        assertThat(none.framing()).isEqualTo(ResponseHead.Framing.NONE);
        assertThat(none.response().headers().get("Content-Length")).isEqualTo("0");
        assertThat(none.keepAlive()).isTrue();
    }

    @Test
    void neverGivesHeadOrNoContentResponsesABody() {
        ResponseHead head = ResponseHead.of(request(HttpVersion.HTTP_1_1, HttpMethod.HEAD), 200, 0, new Headers());
        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.NONE);
        assertThat(head.response().headers().contains("Transfer-Encoding")).isFalse();
        assertThat(ResponseHead.of(GET, 204, 10, new Headers()).framing()).isEqualTo(ResponseHead.Framing.NONE);
        assertThat(ResponseHead.of(GET, 304, 0, new Headers()).framing()).isEqualTo(ResponseHead.Framing.NONE);
    }

    @Test
    void sendsABodyOfUnknownLengthToHttp10ClientsUntilClose() {
        ResponseHead r = ResponseHead.of(request(HttpVersion.HTTP_1_0, HttpMethod.GET, "Connection", "keep-alive"),
                200, 0, new Headers());
        assertThat(r.framing()).isEqualTo(ResponseHead.Framing.UNTIL_CLOSE);
        assertThat(r.keepAlive()).isFalse();
        assertThat(r.response().headers().get("Connection")).isEqualTo("close");
        ResponseHead kept = ResponseHead.of(request(HttpVersion.HTTP_1_0, HttpMethod.GET, "Connection",
                "keep-alive"), 200, 5, new Headers());
        assertThat(kept.keepAlive()).isTrue();
        assertThat(kept.response().headers().get("Connection")).isEqualTo("keep-alive");
    }

    @Test
    void closesWhenEitherSideAsksAndComputesTheFramingHeadersItself() {
        assertThat(ResponseHead.of(request(HttpVersion.HTTP_1_1, HttpMethod.GET, "Connection", "close"), 200, 1,
                new Headers()).keepAlive()).isFalse();
        Headers handlers = new Headers();
        handlers.set("Connection", "close");
        handlers.set("Content-Length", "999");
        handlers.set("X-Kept", "yes");
        ResponseHead r = ResponseHead.of(GET, 200, 3, handlers);
        assertThat(r.keepAlive()).isFalse();
        assertThat(r.response().headers().get("Content-Length")).isEqualTo("3");
        assertThat(r.response().headers().get("X-Kept")).isEqualTo("yes");
        assertThat(r.response().headers().get("Date")).isNotNull();
    }
}
