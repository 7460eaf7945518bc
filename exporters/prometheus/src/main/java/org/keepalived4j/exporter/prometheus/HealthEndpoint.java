package org.keepalived4j.exporter.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code /-/healthy}: 200 while the endpoint serves; and a small landing page at {@code /}. */
final class HealthEndpoint implements HttpHandler {

    private final byte[] body;

    private HealthEndpoint(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    static HealthEndpoint healthy() {
        return new HealthEndpoint("Healthy\n");
    }

    static HealthEndpoint landingPage() {
        return new HealthEndpoint("<html><head><title>keepalived4j</title></head><body><h1>keepalived4j</h1>"
                + "<p><a href=\"/metrics\">Metrics</a></p></body></html>\n");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean html = body[0] == '<';
            if (html && !exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
