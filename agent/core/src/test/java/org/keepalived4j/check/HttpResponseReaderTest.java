package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.HttpUrlConfig;

class HttpResponseReaderTest {

    private static HttpResponseReader read(String... chunks) {
        HttpResponseReader r = new HttpResponseReader(true);
        for (String c : chunks) {
            byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
            r.feed(b, 0, b.length);
        }
        return r;
    }

    @Test
    void hashesOnlyContentLengthBytesWhenTheHeaderIsSpelledAsKeepalivedLooksForIt() {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello world").digest())
                .isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(read("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello world").digest())
                .isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
    }

    @Test
    void findsTheHeaderEndAcrossReadsAndReadsTheStatusWord() {
        HttpResponseReader r = read("HTTP/1.0 503 Busy\r\nX: y\r", "\n\r", "\nab", "c");
        assertThat(r.headerComplete()).isTrue();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.digest()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(read("HTTP/1.0 200 OK\r\n").headerComplete()).isFalse();
    }

    @Test
    void buildsKeepalivedsRequest() {
        assertThat(new String(HttpResponseReader.request("/x", "1.0", null, "127.0.0.1", false, 8080),
                StandardCharsets.ISO_8859_1)).isEqualTo(
                        "GET /x HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 127.0.0.1:8080\r\n\r\n");
        assertThat(new String(HttpResponseReader.request("/", "1.1", "www.test", "::1", true, 80),
                StandardCharsets.ISO_8859_1)).isEqualTo(
                        "GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.test\r\n\r\n");
    }

    @Test
    void judgesStatusThenDigestThenRegex() {
        HttpUrlConfig url = new HttpUrlConfig("/", null, List.of(new HttpUrlConfig.StatusRange(200, 299)), null,
                "ready", true, java.util.Set.of("caseless"), 0, 0);
        assertThat(HttpProbe.judge(url, read("HTTP/1.0 500 x\r\n\r\nok")).detail()).isEqualTo("HTTP status code 500");
        assertThat(HttpProbe.judge(url, read("HTTP/1.0 200 x\r\n\r\nnot READY")).success()).isFalse();
        assertThat(HttpProbe.judge(url, read("HTTP/1.0 200 x\r\n\r\nstarting")).success()).isTrue();
        assertThat(HttpProbe.judge(url, read("HTTP/1.0 200 x\r\n")).detail()).isEqualTo("no data received");
    }
}
