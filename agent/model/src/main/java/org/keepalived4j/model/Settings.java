package org.keepalived4j.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A keepalived4j settings block, e.g. {@code keepalived4j_prometheus { ... }}: keepalived's
 * block syntax for what keepalived itself has no keyword for. keepalived merely warns about
 * and skips such blocks, so one file can serve a mixed cluster.
 *
 * @param name the block keyword, e.g. {@code keepalived4j_prometheus}
 * @param source {@code file:line} where the block opened, or {@code (default)} when absent
 * @param entries its lines, in order
 */
public record Settings(String name, String source, List<Setting> entries) {

    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    public Settings {
        entries = List.copyOf(entries);
    }

    /** An absent block: every lookup finds nothing, so callers fall back to defaults. */
    public static Settings empty(String name) {
        return new Settings(name, "(default)", List.of());
    }

    /** Whether the block was written in a configuration file. */
    public boolean present() {
        return !"(default)".equals(source);
    }

    /** Every line with this keyword, in order. */
    public List<Setting> all(String keyword) {
        return entries.stream().filter(s -> s.keyword().equals(keyword)).toList();
    }

    /** The last line with this keyword (later lines override earlier ones, as in keepalived). */
    public Optional<Setting> last(String keyword) {
        List<Setting> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** The first argument of the last line with this keyword. */
    public Optional<String> value(String keyword) {
        return last(keyword).flatMap(Setting::value);
    }

    /** Whether a line with this keyword is present. */
    public boolean has(String keyword) {
        return entries.stream().anyMatch(s -> s.keyword().equals(keyword));
    }

    /**
     * A yes/no keyword ({@code yes}, {@code true}, {@code on} or {@code no}, {@code false},
     * {@code off}, any case) from its last line; {@code fallback} when absent or not one of those,
     * which is reported to {@code problems} with the line's {@code file:line}.
     */
    public boolean bool(String keyword, boolean fallback, List<String> problems) {
        return last(keyword).map(s -> {
            String v = s.value().orElse("").toLowerCase(Locale.ROOT);
            switch (v) {
                case "yes", "true", "on" -> {
                    return true;
                }
                case "no", "false", "off" -> {
                    return false;
                }
                default -> {
                    problems.add(s.source() + ": " + keyword + " must be yes or no, got '" + v + "'");
                    return fallback;
                }
            }
        }).orElse(fallback);
    }

    /**
     * A whole number from the keyword's last line, within {@code min..max}; {@code fallback} when
     * absent or out of range, which is reported to {@code problems}.
     */
    public int integer(String keyword, int fallback, int min, int max, List<String> problems) {
        return last(keyword).map(s -> {
            String v = s.value().orElse("");
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(s.source() + ": " + keyword + " must be a whole number from " + min + " to " + max
                    + ", got '" + v + "'");
            return fallback;
        }).orElse(fallback);
    }

    /**
     * A time in seconds written as keepalived writes its timers, a plain number with decimals
     * allowed ({@code 10}, {@code 0.5}), from the keyword's last line, within {@code min..max}
     * and rounded to the microsecond; {@code fallback} when absent or invalid, which is reported
     * to {@code problems}.
     */
    public Duration seconds(String keyword, Duration fallback, Duration min, Duration max, List<String> problems) {
        return last(keyword).map(s -> {
            String v = s.value().orElse("");
            if (SECONDS.matcher(v).matches()) {
                BigDecimal micros = new BigDecimal(v).movePointRight(6);
                if (micros.compareTo(BigDecimal.valueOf(max.toNanos() / 1000)) <= 0) {
                    Duration d = Duration.ofNanos(micros.setScale(0, RoundingMode.HALF_UP).longValue() * 1000);
                    if (d.compareTo(min) >= 0) {
                        return d;
                    }
                }
            }
            problems.add(s.source() + ": " + keyword + " must be a number of seconds from " + formatSeconds(min)
                    + " to " + formatSeconds(max) + ", got '" + v + "'");
            return fallback;
        }).orElse(fallback);
    }

    /**
     * A listen address ({@link ListenAddress}) from the keyword's last line; {@code fallback}
     * when absent or invalid, which is reported to {@code problems}.
     */
    public ListenAddress listen(String keyword, ListenAddress fallback, List<String> problems) {
        return last(keyword).map(s -> {
            try {
                return ListenAddress.parse(s.value().orElse(""));
            } catch (IllegalArgumentException e) {
                problems.add(s.source() + ": " + keyword + ": " + e.getMessage());
                return fallback;
            }
        }).orElse(fallback);
    }

    /**
     * A keepalived-style flag keyword: the keyword alone turns it on; with a value, the value
     * read as yes or no ({@link #bool}), {@code unreadable} when it is neither (reported). Absent:
     * off.
     */
    public boolean flag(String keyword, boolean unreadable, List<String> problems) {
        return has(keyword) && (value(keyword).isEmpty() || bool(keyword, unreadable, problems));
    }

    /** What a secret is shown as wherever the configuration is shown ({@code -t -D}). */
    public static final String MASK = "********";

    /**
     * Whether a setting's keyword names a secret (a password, secret, key, community, token or
     * credentials: {@code basic_auth USER PASSWORD}, {@code bearer_token}, {@code authorization}),
     * so its values are never shown. Also used for the name of an HTTP header ({@code X-Api-Key},
     * {@code X-Auth-Token}).
     */
    public static boolean namesSecret(String keyword) {
        String k = keyword.toLowerCase(java.util.Locale.ROOT);
        return k.contains("pass") || k.contains("secret") || k.contains("key") || k.contains("community")
                || k.contains("token") || k.contains("credential") || k.contains("authorization")
                || k.endsWith("basic_auth");
    }

    /**
     * A line's arguments as {@code -t -D} shows them: all of them masked when the keyword
     * {@linkplain #namesSecret names a secret}; for a {@code header NAME VALUE...} line, the value
     * masked when the header carries credentials ({@code Authorization},
     * {@code Proxy-Authorization}, {@code Cookie}, or a name that names a secret).
     */
    public static List<String> shown(Setting setting) {
        if (namesSecret(setting.keyword())) {
            return List.of(MASK);
        }
        if (setting.keyword().equals("header") && setting.args().size() > 1) {
            String name = setting.args().get(0);
            if (name.equalsIgnoreCase("proxy-authorization") || name.equalsIgnoreCase("cookie")
                    || namesSecret(name)) {
                return List.of(name, MASK);
            }
        }
        return setting.args();
    }

    /** {@code d} as keepalived writes seconds: {@code 10}, {@code 0.5}. */
    public static String formatSeconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return name + " (" + source + ", " + entries.size() + " entries)";
    }
}
