package org.keepalived4j.exporter.jolokia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.keepalived4j.exporter.http.HttpLimits;
import org.keepalived4j.model.ListenAddress;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The {@code keepalived4j_jolokia} block.
 *
 * <pre>
 * keepalived4j_jolokia {
 *     enabled yes                 # default yes
 *     listen 127.0.0.1:8778       # default; a value without host (":8778" or "8778") stays on 127.0.0.1
 *     policy_file /etc/keepalived/jolokia-access.xml   # default: the read-only policy shipped inside
 *     user admin                  # with password: HTTP basic authentication
 *     password secret
 *     tls_cert /etc/keepalived/jolokia.crt   # PEM certificate; with tls_key, serves HTTPS
 *     tls_key /etc/keepalived/jolokia.key    # PEM private key (RSA unless tls_key_algorithm says EC)
 *     tls_key_algorithm RSA
 *     cors_origin https://grafana.example.com   # repeatable; default: no cross-origin access
 *     request_timeout 10          # seconds from a request's first byte to its last (default 10)
 *     idle_timeout 60             # seconds a connection may wait for its next request (default 60)
 *     write_timeout 10            # seconds to send one response to a slow reader (default 10)
 *     max_connections 16          # connections open at once; more are closed (default 16)
 * }
 * </pre>
 *
 * <p>{@link #toString()} never shows the password.
 */
record JolokiaSettings(boolean enabled, String host, int port, Path policyFile, String user, String password,
        Path tlsCert, Path tlsKey, String tlsKeyAlgorithm, List<String> corsOrigins, HttpLimits limits) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8778;
    /**
     * Jolokia is for people and their tools on the host, not for crowds; each connection may hold
     * a request body of up to 1 MiB, so this also bounds the memory requests can take.
     */
    static final int DEFAULT_MAX_CONNECTIONS = 16;
    private static final Set<String> KEYWORDS = keywords("enabled", "listen", "policy_file", "user", "password",
            "tls_cert", "tls_key", "tls_key_algorithm", "cors_origin");
    /** A browser's Origin: scheme://host[:port], where Jolokia lets * stand for any part. */
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z*][A-Za-z0-9+.*-]*://[A-Za-z0-9.*\\[\\]:-]+");

    JolokiaSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    boolean tls() {
        return tlsCert != null && tlsKey != null;
    }

    static JolokiaSettings parse(Settings settings, List<String> problems) {
        for (Setting s : settings.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in " + settings.name());
            } else if (s.args().size() != 1) {
                problems.add(s.source() + ": " + s.keyword() + " takes exactly one value");
            }
        }
        boolean enabled = settings.bool("enabled", true, problems);
        // a listen value without a host stays on loopback; "*" asks for every address
        ListenAddress listen = settings.listen("listen", new ListenAddress(DEFAULT_HOST, DEFAULT_PORT), problems);
        String host = listen.host() == null ? DEFAULT_HOST : listen.host().equals("*") ? "0.0.0.0" : listen.host();
        int port = listen.port();
        Path policy = file(settings, "policy_file", problems);
        String user = settings.value("user").orElse(null);
        String password = settings.value("password").orElse(null);
        if ((user == null) != (password == null)) {
            problems.add(settings.source() + ": user and password must be given together");
        }
        Path cert = file(settings, "tls_cert", problems);
        Path key = file(settings, "tls_key", problems);
        if (settings.has("tls_cert") != settings.has("tls_key")) {
            problems.add(settings.source() + ": tls_cert and tls_key must be given together");
        }
        String algorithm = settings.value("tls_key_algorithm").orElse("RSA").toUpperCase(Locale.ROOT);
        if (!Set.of("RSA", "EC").contains(algorithm)) {
            problems.add(settings.last("tls_key_algorithm").get().source() + ": tls_key_algorithm must be RSA or EC");
        }
        List<String> origins = new ArrayList<>();
        for (Setting s : settings.all("cors_origin")) {
            String origin = s.value().orElse("");
            if (ORIGIN.matcher(origin).matches() && !origin.matches("[*]://[*]")) {
                origins.add(origin);
            } else {
                problems.add(s.source() + ": cors_origin: expected an origin such as https://grafana.example.com"
                        + " (a * stands for any part of it), got '" + origin + "'");
            }
        }
        HttpLimits limits = HttpLimits.parse(settings, DEFAULT_MAX_CONNECTIONS, problems);
        return new JolokiaSettings(enabled, host, port, policy, user, password, cert, key, algorithm, origins,
                limits);
    }

    private static Set<String> keywords(String... own) {
        Set<String> all = new HashSet<>(HttpLimits.KEYWORDS);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }

    /** {@code [host, port]}; host {@code null} when not given. */
    private static Path file(Settings settings, String keyword, List<String> problems) {
        return settings.last(keyword).map(s -> {
            Path p = Path.of(s.value().orElse(""));
            if (!Files.isReadable(p)) {
                problems.add(s.source() + ": " + keyword + ": cannot read " + p);
            }
            return p;
        }).orElse(null);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + (tls() ? " https" : " http")
                + (user != null ? ", basic auth as " + user : "")
                + ", policy " + (policyFile == null ? "read-only (built in)" : policyFile.toString())
                + (corsOrigins.isEmpty() ? ", no cross-origin access" : ", cross-origin access for " + corsOrigins)
                + ", " + limits;
    }
}
