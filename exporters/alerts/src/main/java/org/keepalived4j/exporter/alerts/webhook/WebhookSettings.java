package org.keepalived4j.exporter.alerts.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * One {@code webhook [NAME] { ... }} block of {@code keepalived4j_alerts}:
 *
 * <pre>
 * webhook ops {                     # the sink "webhook-ops" ("webhook" without a name)
 *     url https://hooks.example.com/keepalived   # required, http or https
 *     format json                   # json (default: schema keepalived4j.alert/v1), slack, teams
 *     header X-Team sre             # repeatable: a further request header
 *     basic_auth USER PASSWORD      # or: bearer_token TOKEN (not both)
 *     timeout 10                    # seconds, for the connect and for the whole request
 *     tls_ca /etc/keepalived/ca.pem # PEM CA certificate(s) trusted instead of the JDK's
 *     tls_insecure                  # trust any certificate and host name (warned about at start)
 *     mail_only                     # only what keepalived would mail; default: every alert
 * }
 * </pre>
 *
 * <p>The URL's path and query often are the credential (Slack's and Teams' webhook URLs are), so
 * only its scheme, host and port are ever shown; passwords and tokens never are.
 *
 * @param name the sink's name
 * @param source {@code file:line} of the block
 * @param uri where alerts are posted
 * @param format the body
 * @param headers further headers, name and value, in order
 * @param user the basic auth user, or {@code null}
 * @param password the basic auth password, or {@code null}
 * @param token the bearer token, or {@code null}
 * @param timeout the connect timeout, and the time a whole request may take
 * @param tlsCa the PEM file of trusted CAs, or {@code null} for the JDK's
 * @param tlsInsecure whether every certificate and host name is trusted
 * @param mailOnly whether only the alerts keepalived would mail are posted
 */
record WebhookSettings(String name, String source, URI uri, WebhookFormat format, List<Map.Entry<String, String>> headers,
        String user, String password, String token, Duration timeout, Path tlsCa, boolean tlsInsecure,
        boolean mailOnly) {

    static final String KIND = "webhook";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> KEYWORDS = Set.of("url", "format", "header", "basic_auth", "bearer_token",
            "timeout", "tls_ca", "tls_insecure", "mail_only");
    /** Headers the sink sets itself. */
    private static final Set<String> OWN_HEADERS = Set.of("content-type", "idempotency-key");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    WebhookSettings {
        headers = List.copyOf(headers);
    }

    /**
     * The settings of every well-formed {@code webhook} block, in order; a block with a problem
     * that would post to the wrong place, in the wrong format or with the wrong credentials is
     * reported and left out, one with a lesser problem (an unknown keyword, a bad timeout) is
     * reported and kept with the default.
     */
    static List<WebhookSettings> all(Settings alertsBlock, List<String> problems) {
        List<WebhookSettings> found = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Setting line : alertsBlock.all(KIND)) {
            if (line.block() == null) {
                continue; // AlertsSettings reports a kind without a block
            }
            WebhookSettings s = of(line, problems);
            if (s == null) {
                continue;
            }
            String first = seen.putIfAbsent(s.name(), line.source());
            if (first != null) {
                problems.add(line.source() + ": a second webhook block named " + s.name() + " (the first is at "
                        + first + "): left out");
                continue;
            }
            found.add(s);
        }
        return found;
    }

    /** One block's settings, or {@code null} when it is left out. */
    private static WebhookSettings of(Setting line, List<String> problems) {
        int before = problems.size();
        Settings block = line.block();
        String name = KIND;
        if (line.args().size() > 1) {
            problems.add(line.source() + ": webhook takes one name, got " + line.args().size() + " words");
        } else if (line.args().size() == 1) {
            if (!NAME.matcher(line.args().get(0)).matches()) {
                problems.add(line.source() + ": webhook name '" + line.args().get(0)
                        + "' must be letters, digits, '.', '_' or '-' (it names a spool folder)");
            }
            name = KIND + "-" + line.args().get(0);
        }
        URI uri = uri(block, line, problems);
        WebhookFormat format = WebhookFormat.JSON;
        var formatLine = block.last("format");
        if (formatLine.isPresent()) {
            format = WebhookFormat.named(formatLine.get().value().orElse(""));
            if (format == null) {
                problems.add(formatLine.get().source() + ": format must be json, slack or teams, got '"
                        + formatLine.get().value().orElse("") + "'");
            }
        }
        String user = null;
        String password = null;
        var basic = block.last("basic_auth");
        if (basic.isPresent()) {
            List<String> a = basic.get().args();
            if (a.size() != 2 || a.get(0).contains(":")) {
                // the words are not echoed: one of them is a password
                problems.add(basic.get().source() + ": basic_auth needs a user (without ':') and a password");
            } else {
                user = a.get(0);
                password = a.get(1);
            }
        }
        String token = null;
        var bearer = block.last("bearer_token");
        if (bearer.isPresent()) {
            if (bearer.get().args().size() != 1) {
                problems.add(bearer.get().source() + ": bearer_token needs one token");
            } else {
                token = bearer.get().args().get(0);
            }
        }
        if (basic.isPresent() && bearer.isPresent()) {
            problems.add(bearer.get().source() + ": basic_auth and bearer_token exclude each other");
        }
        List<Map.Entry<String, String>> headers = headers(block, basic.isPresent() || bearer.isPresent(), problems);
        Path ca = block.value("tls_ca").map(Path::of).orElse(null);
        if (block.has("tls_ca") && (ca == null || !ca.isAbsolute())) {
            problems.add(block.last("tls_ca").get().source() + ": tls_ca needs an absolute path to a PEM file");
        }
        boolean insecure = block.flag("tls_insecure", false, problems);
        if (insecure && ca != null) {
            problems.add(block.last("tls_insecure").get().source() + ": tls_insecure and tls_ca exclude each other");
        }
        boolean leftOut = problems.size() > before;
        for (Setting s : block.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in webhook");
            }
        }
        Duration timeout = block.seconds("timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofMinutes(10),
                problems);
        boolean mailOnly = block.flag("mail_only", false, problems);
        if (leftOut) {
            problems.add(line.source() + ": " + name + " left out until its problems are fixed");
            return null;
        }
        return new WebhookSettings(name, line.source(), uri, format, headers, user, password, token, timeout, ca,
                insecure, mailOnly);
    }

    private static URI uri(Settings block, Setting line, List<String> problems) {
        var url = block.last("url");
        if (url.isEmpty()) {
            problems.add(line.source() + ": webhook needs a url");
            return null;
        }
        // the URL is not echoed: its path is often the credential
        String bad = url.get().source() + ": url must be an absolute http:// or https:// URL with a host";
        try {
            URI uri = new URI(url.get().value().orElse(""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                problems.add(bad);
                return null;
            }
            if (uri.getRawUserInfo() != null) {
                problems.add(url.get().source() + ": url must not hold a user or password: use basic_auth");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(bad);
            return null;
        }
    }

    private static List<Map.Entry<String, String>> headers(Settings block, boolean auth, List<String> problems) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Setting h : block.all("header")) {
            if (h.args().size() < 2) {
                problems.add(h.source() + ": header needs a name and a value");
                continue;
            }
            String name = h.args().get(0);
            String value = String.join(" ", h.args().subList(1, h.args().size()));
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(lower)) {
                problems.add(h.source() + ": header " + name + " is set by the webhook sink itself");
                continue;
            }
            if (auth && lower.equals("authorization")) {
                problems.add(h.source() + ": header Authorization and basic_auth or bearer_token exclude each other");
                continue;
            }
            try {
                // the HTTP client's own check: a valid name and value, not one it sets itself (Host, Content-Length...)
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                problems.add(h.source() + ": header " + name + " cannot be sent (a restricted or malformed header)");
                continue;
            }
            headers.add(Map.entry(name, value));
        }
        return headers;
    }

    /** Where alerts go, as it may be shown: scheme, host and port, never the path or query. */
    String where() {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":"
                + uri.getPort());
    }

    @Override
    public String toString() {
        // no password, token, header value or URL path: any of them may be a credential
        return name + "[" + where() + "/..., " + format.name().toLowerCase(Locale.ROOT)
                + (user == null ? "" : ", basic auth as " + user) + (token == null ? "" : ", bearer token")
                + (headers.isEmpty() ? "" : ", headers " + headers.stream().map(Map.Entry::getKey).toList())
                + ", timeout " + Settings.formatSeconds(timeout) + "s" + (tlsCa == null ? "" : ", tls_ca " + tlsCa)
                + (tlsInsecure ? ", tls_insecure" : "") + (mailOnly ? ", mail_only" : "") + "]";
    }
}
