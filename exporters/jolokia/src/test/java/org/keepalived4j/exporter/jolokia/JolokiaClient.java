package org.keepalived4j.exporter.jolokia;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jolokia.json.JSONObject;
import org.jolokia.json.parser.JSONParser;

/** Talks to the agent's HTTP API like any Jolokia client: JSON requests by POST, or GET paths. */
final class JolokiaClient {

    private final HttpClient http;
    private final String base;
    private final String authorization;

    JolokiaClient(HttpClient http, String base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    JolokiaClient(String base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, null, null);
    }

    HttpResponse<String> post(String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The parsed JSON answer of a request that reached Jolokia. */
    JSONObject request(String json) throws Exception {
        HttpResponse<String> r = post(json);
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return (JSONObject) new JSONParser().parse(r.body());
    }

    static long status(JSONObject answer) {
        return ((Number) answer.get("status")).longValue();
    }
}
