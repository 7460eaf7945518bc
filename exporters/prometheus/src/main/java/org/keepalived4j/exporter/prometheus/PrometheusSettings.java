package org.keepalived4j.exporter.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.keepalived4j.exporter.http.HttpLimits;
import org.keepalived4j.model.ListenAddress;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The {@code keepalived4j_prometheus} block.
 *
 * <pre>
 * keepalived4j_prometheus {
 *     enabled yes                      # default yes
 *     listen 0.0.0.0:9165              # default: every address, port 9165
 *     tls_cert /etc/keepalived/metrics.crt   # PEM certificate chain; with tls_key, serves HTTPS
 *     tls_key /etc/keepalived/metrics.key    # PEM PKCS#8 private key (unencrypted)
 *     basic_auth_user prometheus       # with basic_auth_password, requires HTTP basic auth
 *     basic_auth_password secret
 *     legacy_metrics yes               # also serve the common exporter's pre-1.0 names (default yes)
 *     real_server_check_histograms yes # per-real-server check duration histograms (default yes)
 *     request_timeout 10               # seconds from a request's first byte to its last (default 10)
 *     idle_timeout 60                  # seconds a connection may wait for its next request (default 60)
 *     write_timeout 10                 # seconds to send one response to a slow reader (default 10)
 *     max_connections 64               # connections open at once; more are closed (default 64)
 * }
 * </pre>
 *
 * <p>{@link #toString()} never shows the password.
 */
record PrometheusSettings(boolean enabled, ListenAddress listen, Path tlsCert, Path tlsKey, String basicAuthUser,
        String basicAuthPassword, boolean legacyMetrics, boolean realServerCheckHistograms, HttpLimits limits) {

    static final int DEFAULT_PORT = 9165;
    static final int DEFAULT_MAX_CONNECTIONS = 64;
    private static final Set<String> KEYWORDS = keywords("enabled", "listen", "tls_cert", "tls_key",
            "basic_auth_user", "basic_auth_password", "legacy_metrics", "real_server_check_histograms");

    /** Reads the block; every problem found is added to {@code problems}, starting with {@code file:line}. */
    static PrometheusSettings parse(Settings settings, List<String> problems) {
        for (Setting s : settings.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in " + settings.name());
            } else if (s.args().size() != 1) {
                problems.add(s.source() + ": " + s.keyword() + " takes exactly one value");
            }
        }
        boolean enabled = settings.bool("enabled", true, problems);
        ListenAddress listen = settings.listen("listen", new ListenAddress(null, DEFAULT_PORT), problems);
        Path cert = file(settings, "tls_cert", problems);
        Path key = file(settings, "tls_key", problems);
        if (settings.has("tls_cert") != settings.has("tls_key")) {
            problems.add(settings.source() + ": tls_cert and tls_key must be given together");
        }
        String user = settings.value("basic_auth_user").orElse(null);
        String password = settings.value("basic_auth_password").orElse(null);
        if ((user == null) != (password == null)) {
            problems.add(settings.source() + ": basic_auth_user and basic_auth_password must be given together");
        }
        if (password != null && password.isEmpty()) {
            problems.add(settings.last("basic_auth_password").get().source() + ": basic_auth_password is empty");
        }
        boolean legacy = settings.bool("legacy_metrics", true, problems);
        boolean histograms = settings.bool("real_server_check_histograms", true, problems);
        HttpLimits limits = HttpLimits.parse(settings, DEFAULT_MAX_CONNECTIONS, problems);
        return new PrometheusSettings(enabled, listen, cert, key, user, password, legacy, histograms, limits);
    }

    private static Set<String> keywords(String... own) {
        Set<String> all = new HashSet<>(HttpLimits.KEYWORDS);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }

    boolean tls() {
        return tlsCert != null && tlsKey != null;
    }

    boolean basicAuth() {
        return basicAuthUser != null && basicAuthPassword != null;
    }

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
        return "listen " + listen + (tls() ? ", https" : ", http") + (basicAuth() ? ", basic auth as "
                + basicAuthUser : "") + (legacyMetrics ? ", legacy names" : "")
                + (realServerCheckHistograms ? "" : ", no real server check histograms") + ", " + limits;
    }
}
