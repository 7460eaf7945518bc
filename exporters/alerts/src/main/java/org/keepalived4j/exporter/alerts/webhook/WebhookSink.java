package org.keepalived4j.exporter.alerts.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * Posts each alert as one JSON body to a URL ({@code webhook} blocks of
 * {@code keepalived4j_alerts}); a 2xx answer delivers it, anything else is thrown for a retry.
 * Every request carries {@code Idempotency-Key: <alert id>}, the same on every retry of an alert,
 * so a receiver can drop the repeats that at-least-once delivery brings.
 */
final class WebhookSink implements AlertSink {

    /** How much of a refusing receiver's answer goes into the error: enough to see why. */
    static final int ERROR_BODY_CHARS = 200;

    private final WebhookSettings settings;
    private final HttpClient client;
    private final String authorization;
    /** What must not leave in an error message: passwords, tokens, credential header values. */
    private final List<String> secrets = new ArrayList<>();

    WebhookSink(WebhookSettings settings, SSLContext tls) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder()
                // one small POST per alert: HTTP/1.1 spares the h2c upgrade that some receivers mishandle
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
        if (settings.user() != null) {
            authorization = "Basic " + Base64.getEncoder().encodeToString(
                    (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        } else if (settings.token() != null) {
            authorization = "Bearer " + settings.token();
        } else {
            authorization = null;
        }
        for (String secret : new String[] {authorization, settings.password(), settings.token()}) {
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
        }
        for (Map.Entry<String, String> h : settings.headers()) {
            if (Settings.shown(new Setting("header", List.of(h.getKey(), h.getValue()), null, "")).contains(Settings.MASK)) {
                secrets.add(h.getValue());
            }
        }
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public boolean accepts(Alert alert) {
        return !settings.mailOnly() || alert.mail();
    }

    @Override
    public void deliver(Alert alert) throws IOException, InterruptedException {
        HttpRequest request = request(alert);
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JDK's messages name neither the path nor a header; the cause stays for the stack trace
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                    + e.getMessage();
            throw new IOException("POST " + settings.where() + ": " + why, e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new IOException("POST " + settings.where() + ": HTTP " + status + snippet(response.body()));
        }
    }

    /** The request for one alert. */
    HttpRequest request(Alert alert) {
        HttpRequest.Builder r = HttpRequest.newBuilder(settings.uri())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", alert.id());
        if (settings.headers().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("User-Agent"))) {
            r.header("User-Agent", "keepalived4j");
        }
        for (Map.Entry<String, String> h : settings.headers()) {
            r.header(h.getKey(), h.getValue());
        }
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r.POST(HttpRequest.BodyPublishers.ofString(settings.format().body(alert), StandardCharsets.UTF_8))
                .build();
    }

    /** The start of a refusal's body, on one line, with any secret of ours the receiver echoed masked. */
    private String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body.strip();
        for (String secret : secrets) {
            s = s.replace(secret, Settings.MASK);
        }
        s = s.replaceAll("\\s+", " ");
        if (s.length() > ERROR_BODY_CHARS) {
            s = s.substring(0, ERROR_BODY_CHARS) + "...";
        }
        return ": " + s;
    }

    @Override
    public String toString() {
        return "webhook " + settings;
    }
}
