package org.keepalived4j.exporter.alerts.syslog;

import org.keepalived4j.exporter.alerts.AlertTls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * One {@code syslog [NAME] { ... }} block of {@code keepalived4j_alerts}; every keyword is optional:
 *
 * <pre>
 * syslog {                       # "syslog ops {" names the sink syslog-ops; several blocks allowed
 *     target unix:/dev/log       # default; or udp:HOST:PORT, tcp:HOST:PORT, tls:HOST:PORT ([IPv6]:PORT)
 *     facility daemon            # kern user mail daemon auth syslog lpr news uucp cron authpriv ftp ntp local0..local7
 *     app_name keepalived4j      # APP-NAME: 1 to 48 printable US-ASCII characters
 *     timeout 10                 # seconds for connect, TLS handshake and each write (tcp, tls)
 *     tls_ca /etc/ssl/syslog.pem # tls: trust these PEM CA certificates instead of the JDK's
 *     tls_insecure               # tls: trust any certificate and host name (testing only)
 *     mail_only                  # only the alerts keepalived would mail; default every alert
 *     sd_id keepalived4j@32473   # the SD-ID of the alert's parameters: NAME@YOUR-PEN
 * }
 * </pre>
 *
 * @param sinkName {@code syslog} or {@code syslog-NAME}
 * @param target where messages go
 * @param facility the RFC 5424 facility number
 * @param appName the APP-NAME field
 * @param timeout the connect and write timeout of stream targets
 * @param tlsCa PEM CA certificates trusted for tls, or {@code null} for the JDK's
 * @param tlsInsecure whether tls trusts any certificate
 * @param mailOnly whether only alerts keepalived would mail are sent
 * @param sdId the SD-ID of the alert's own parameters
 */
record SyslogSettings(String sinkName, SyslogTarget target, int facility, String appName, Duration timeout,
        Path tlsCa, boolean tlsInsecure, boolean mailOnly, String sdId) {

    /**
     * The SD-ID of the alert's parameters unless {@code sd_id} says otherwise. RFC 5424 (section
     * 7.2.2) wants private SD-IDs as {@code name@PEN}, PEN an IANA Private Enterprise Number.
     * keepalived4j has none of its own, and the number keepalived's MIB lives under (9586) is
     * Debian's, not ours to use; 32473 is the PEN RFC 5612 reserves for documentation, so it
     * can never clash with a real enterprise's SD-IDs. A site that has its own PEN sets
     * {@code sd_id} to use it.
     */
    static final String DEFAULT_SD_ID = "keepalived4j@32473";

    static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("kern", 0), Map.entry("user", 1),
            Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4), Map.entry("syslog", 5),
            Map.entry("lpr", 6), Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9),
            Map.entry("authpriv", 10), Map.entry("ftp", 11), Map.entry("ntp", 12), Map.entry("local0", 16),
            Map.entry("local1", 17), Map.entry("local2", 18), Map.entry("local3", 19), Map.entry("local4", 20),
            Map.entry("local5", 21), Map.entry("local6", 22), Map.entry("local7", 23));

    private static final Set<String> KEYWORDS = Set.of("target", "facility", "app_name", "timeout", "tls_ca",
            "tls_insecure", "mail_only", "sd_id");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern APP_NAME = Pattern.compile("[!-~]{1,48}");
    /** SD-NAME characters (printable US-ASCII but {@code = ] "} and space), then {@code @} and a number. */
    private static final Pattern SD_ID = Pattern.compile("[!#-<>-\\\\^-~&&[^@]]+@[0-9]+(\\.[0-9]+)*");

    /**
     * The settings of one {@code syslog} line and its block, or {@code null} when the line is
     * unusable (no block, a bad name, a bad target); other bad lines are reported and take their default.
     */
    static SyslogSettings parse(Setting line, List<String> problems) {
        if (line.block() == null) {
            return null; // the alerts block reports a kind without a block
        }
        String sinkName = "syslog";
        if (!line.args().isEmpty()) {
            String name = line.args().get(0);
            if (line.args().size() > 1 || !NAME.matcher(name).matches()) {
                problems.add(line.source() + ": syslog takes one optional name of letters, digits, '_', '.' or '-',"
                        + " got '" + String.join(" ", line.args()) + "'");
                return null;
            }
            sinkName = "syslog-" + name;
        }
        Settings block = line.block();
        for (Setting s : block.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in syslog");
            }
        }
        SyslogTarget target = SyslogTarget.DEV_LOG;
        var targetLine = block.last("target");
        if (targetLine.isPresent()) {
            try {
                target = SyslogTarget.parse(targetLine.get().value().orElse(""));
            } catch (IllegalArgumentException e) {
                problems.add(targetLine.get().source() + ": target " + e.getMessage() + "; " + sinkName
                        + " is left out");
                return null;
            }
        }
        int facility = FACILITIES.get("daemon");
        var facilityLine = block.last("facility");
        if (facilityLine.isPresent()) {
            String f = facilityLine.get().value().orElse("");
            if (FACILITIES.containsKey(f)) {
                facility = FACILITIES.get(f);
            } else {
                problems.add(facilityLine.get().source() + ": unknown syslog facility '" + f
                        + "' (kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp,"
                        + " local0 to local7); using daemon");
            }
        }
        String appName = checked(block, "app_name", "keepalived4j", APP_NAME,
                "1 to 48 printable US-ASCII characters without spaces", problems);
        String sdId = checked(block, "sd_id", DEFAULT_SD_ID, SD_ID, "NAME@PEN of at most 32 characters", problems);
        if (sdId.length() > 32) {
            problems.add(block.last("sd_id").map(Setting::source).orElse("?") + ": sd_id must be NAME@PEN of at most"
                    + " 32 characters, got '" + sdId + "'");
            sdId = DEFAULT_SD_ID;
        }
        Duration timeout = block.seconds("timeout", Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofHours(1), problems);
        boolean insecure = block.flag("tls_insecure", true, problems);
        Path ca = block.value("tls_ca").map(Path::of).orElse(null);
        if ((ca != null || block.has("tls_insecure")) && target.transport() != SyslogTarget.Transport.TLS) {
            problems.add(block.last(ca != null ? "tls_ca" : "tls_insecure").map(Setting::source).orElse("?")
                    + ": tls_ca and tls_insecure apply to tls: targets only");
        }
        if (ca != null) {
            String source = block.last("tls_ca").map(Setting::source).orElse("?");
            try {
                AlertTls.context(ca, false);
            } catch (Exception e) {
                problems.add(source + ": tls_ca " + ca + ": " + e.getMessage() + "; " + sinkName + " is left out");
                return null;
            }
            if (insecure) {
                problems.add(source + ": tls_ca and tls_insecure together: tls_ca is used");
                insecure = false;
            }
        }
        return new SyslogSettings(sinkName, target, facility, appName, timeout, ca, insecure,
                block.flag("mail_only", true, problems), sdId);
    }

    private static String checked(Settings block, String keyword, String fallback, Pattern pattern, String what,
            List<String> problems) {
        var line = block.last(keyword);
        if (line.isEmpty()) {
            return fallback;
        }
        String v = line.get().value().orElse("");
        if (pattern.matcher(v).matches()) {
            return v;
        }
        problems.add(line.get().source() + ": " + keyword + " must be " + what + ", got '" + v + "'; using "
                + fallback);
        return fallback;
    }
}
