package org.keepalived4j.exporter.alerts.alertmanager;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * One {@code alertmanager [NAME] { ... }} block of {@code keepalived4j_alerts}:
 *
 * <pre>
 * alertmanager {                    # "alertmanager ops { ... }" names the sink alertmanager-ops; several allowed
 *     url http://127.0.0.1:9093     # required: the API base (http or https, path prefix allowed)
 *     timeout 10                    # seconds to connect, and for the whole request (default 10)
 *     basic_auth USER PASSWORD      # or: bearer_token TOKEN (never logged, masked by -t -D)
 *     tls_ca /etc/ssl/am-ca.pem     # PEM certificate(s) trusted for https, instead of the system's
 *     tls_insecure                  # trust any certificate and name (tests only)
 *     label team sre                # repeatable: a label on every alert
 *     firing_ttl 300                # seconds a firing alert lasts unless posted again (default 300)
 *     repost_interval 60            # seconds between re-posts of what still fires (default 60)
 * }
 * </pre>
 *
 * @param name the sink's name: {@code alertmanager} or {@code alertmanager-NAME}
 * @param alertsUri where alerts are posted: the base with {@code /api/v2/alerts}
 * @param timeout the connect and request timeout
 * @param authorization the {@code Authorization} header value, or {@code null}; a secret
 * @param tlsCa PEM certificates to trust, or {@code null} for the JDK's trust store
 * @param tlsInsecure whether any certificate and host name is accepted
 * @param extraLabels the configured labels, in order
 * @param firingTtl how long after a post a firing alert ends unless posted again
 * @param repostInterval how often what still fires is posted again
 */
record AlertmanagerSettings(String name, URI alertsUri, Duration timeout, String authorization, Path tlsCa,
        boolean tlsInsecure, Map<String, String> extraLabels, Duration firingTtl, Duration repostInterval) {

    static final String KIND = "alertmanager";
    private static final Set<String> KEYWORDS = Set.of("url", "timeout", "basic_auth", "bearer_token", "tls_ca",
            "tls_insecure", "label", "firing_ttl", "repost_interval");
    /** Alertmanager's (Prometheus's) label names. */
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** What an HTTP header value may carry after "Bearer ". */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");
    /** A sink name becomes a folder name: nothing that leaves the spool directory. */
    private static final Pattern SINK_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    AlertmanagerSettings {
        extraLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraLabels));
    }

    /** The settings of one block, or {@code null} when it cannot make a sink (the reason is in {@code problems}). */
    static AlertmanagerSettings parse(Setting line, List<String> problems) {
        String where = line.source();
        if (line.args().size() > 1 || line.args().stream().anyMatch(a -> !SINK_NAME.matcher(a).matches())) {
            problems.add(where + ": alertmanager takes at most one name of letters, digits, '_', '.' and '-', got '"
                    + String.join(" ", line.args()) + "': block left out");
            return null;
        }
        String name = line.value().map(n -> KIND + "-" + n).orElse(KIND);
        Settings block = line.block() == null ? Settings.empty(KIND) : line.block();
        for (Setting s : block.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in alertmanager");
            }
        }
        URI alerts = alertsUri(block, where, problems);
        if (alerts == null) {
            return null;
        }
        Duration timeout = block.seconds("timeout", Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofMinutes(10), problems);
        Duration repost = block.seconds("repost_interval", Duration.ofSeconds(60), Duration.ofSeconds(1),
                Duration.ofDays(1), problems);
        Duration ttl = block.seconds("firing_ttl", Duration.ofSeconds(300), Duration.ofSeconds(2), Duration.ofDays(7),
                problems);
        if (ttl.compareTo(repost.multipliedBy(2)) < 0) {
            // one lost re-post must not resolve an alert that still fires
            problems.add(block.last("firing_ttl").or(() -> block.last("repost_interval")).map(Setting::source)
                    .orElse(where) + ": firing_ttl must be at least twice repost_interval; using "
                    + Settings.formatSeconds(repost.multipliedBy(2)));
            ttl = repost.multipliedBy(2);
        }
        return new AlertmanagerSettings(name, alerts, timeout, authorization(block, problems), tlsCa(block, problems),
                block.flag("tls_insecure", false, problems), labels(block, problems), ttl, repost);
    }

    private static URI alertsUri(Settings block, String where, List<String> problems) {
        var line = block.last("url");
        if (line.isEmpty() || line.get().value().isEmpty()) {
            problems.add(line.map(Setting::source).orElse(where) + ": alertmanager needs a url: block left out");
            return null;
        }
        String text = line.get().value().get();
        String source = line.get().source();
        try {
            URI base = new URI(text);
            String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
                problems.add(source + ": url must be http://HOST[:PORT][/PATH] or https://..., got '" + text
                        + "': block left out");
                return null;
            }
            if (base.getRawUserInfo() != null) {
                // the URL is logged and shown; credentials belong in basic_auth
                problems.add(source + ": url must not hold credentials, use basic_auth: block left out");
                return null;
            }
            if (base.getRawQuery() != null || base.getRawFragment() != null) {
                problems.add(source + ": url must not have a query or fragment: block left out");
                return null;
            }
            String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
            return new URI(scheme + "://" + base.getRawAuthority() + path + "/api/v2/alerts");
        } catch (URISyntaxException e) {
            problems.add(source + ": url '" + text + "' is not a URL: " + e.getReason() + ": block left out");
            return null;
        }
    }

    private static String authorization(Settings block, List<String> problems) {
        var basic = block.last("basic_auth");
        var bearer = block.last("bearer_token");
        if (basic.isPresent() && bearer.isPresent()) {
            problems.add(bearer.get().source() + ": basic_auth and bearer_token exclude each other; using basic_auth");
        }
        if (basic.isPresent()) {
            List<String> args = basic.get().args();
            if (args.size() != 2) {
                // the arguments are not repeated: one of them may be the password
                problems.add(basic.get().source() + ": basic_auth needs USER PASSWORD (" + args.size()
                        + " words given): no authentication");
                return null;
            }
            String pair = args.get(0) + ":" + args.get(1);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (bearer.isPresent()) {
            if (bearer.get().args().size() != 1 || !TOKEN.matcher(bearer.get().args().get(0)).matches()) {
                // the token is not repeated: it is the secret
                problems.add(bearer.get().source() + ": bearer_token needs one TOKEN of printable ASCII without"
                        + " spaces: no authentication");
                return null;
            }
            return "Bearer " + bearer.get().args().get(0);
        }
        return null;
    }

    private static Path tlsCa(Settings block, List<String> problems) {
        var line = block.last("tls_ca");
        if (line.isEmpty()) {
            return null;
        }
        Path path = Path.of(line.get().value().orElse(""));
        if (!path.isAbsolute() || !Files.isReadable(path)) {
            problems.add(line.get().source() + ": tls_ca '" + path
                    + "' must be an absolute path to a readable PEM file: the system's trusted CAs are used");
            return null;
        }
        return path;
    }

    private static Map<String, String> labels(Settings block, List<String> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Setting s : block.all("label")) {
            if (s.args().size() != 2 || !LABEL_NAME.matcher(s.args().get(0)).matches()
                    || s.args().get(0).startsWith("__")) {
                problems.add(s.source() + ": label needs NAME VALUE, NAME of letters, digits and '_' not starting"
                        + " with a digit or '__': line ignored");
            } else if (AlertmanagerConditions.OWN_LABELS.contains(s.args().get(0))) {
                problems.add(s.source() + ": label " + s.args().get(0) + " is set by keepalived4j: line ignored");
            } else {
                labels.put(s.args().get(0), s.args().get(1));
            }
        }
        return labels;
    }

    @Override
    public String toString() {
        // the authorization value stays out of every log line and exception message
        return name + " " + alertsUri + (authorization == null ? "" : ", " + authorization.split(" ")[0]
                .toLowerCase(Locale.ROOT) + " auth") + (tlsCa == null ? "" : ", tls_ca " + tlsCa)
                + (tlsInsecure ? ", tls_insecure" : "") + ", firing_ttl " + Settings.formatSeconds(firingTtl)
                + "s, repost_interval " + Settings.formatSeconds(repostInterval) + "s";
    }
}
