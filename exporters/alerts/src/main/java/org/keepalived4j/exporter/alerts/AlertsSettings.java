package org.keepalived4j.exporter.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The delivery part of {@code keepalived4j_alerts { ... }}; each sink kind reads its own
 * sub-blocks. Every keyword is optional:
 *
 * <pre>
 * keepalived4j_alerts {
 *     spool_dir /var/lib/keepalived4j/keepalived   # default: /var/lib/keepalived4j/ + the pid file's name
 *     spool_max_bytes 64M      # per sink; K, M and G allowed (default 64M)
 *     spool_max_age 604800     # seconds an alert may wait (default 7 days)
 *     retry_initial 1          # seconds before the first retry, doubling after each failure
 *     retry_max 60             # ... up to this many seconds between attempts
 *     route { ... }            # which alerts go to which sinks: see AlertRoute
 * }
 * </pre>
 */
record AlertsSettings(Path spoolDir, long spoolMaxBytes, Duration spoolMaxAge, Duration retryInitial,
        Duration retryMax) {

    static final Path STATE_ROOT = Path.of("/var/lib/keepalived4j");
    private static final Set<String> KEYWORDS = Set.of("spool_dir", "spool_max_bytes", "spool_max_age",
            "retry_initial", "retry_max", "route");

    /** The settings of {@code block}; {@code daemonName} names the default spool folder. */
    static AlertsSettings parse(Settings block, String daemonName, Set<String> sinkKinds, List<String> problems) {
        for (Setting s : block.entries()) {
            if (!KEYWORDS.contains(s.keyword()) && !sinkKinds.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in " + block.name());
            } else if ((sinkKinds.contains(s.keyword()) || s.keyword().equals("route")) && s.block() == null) {
                problems.add(s.source() + ": '" + s.keyword() + "' needs a block { ... }");
            }
        }
        Path dir = block.value("spool_dir").map(Path::of).orElse(STATE_ROOT.resolve(daemonName));
        if (!dir.isAbsolute()) {
            problems.add(block.last("spool_dir").map(Setting::source).orElse(block.source())
                    + ": spool_dir must be an absolute path");
            dir = STATE_ROOT.resolve(daemonName);
        }
        long maxBytes = 64L << 20;
        var bytes = block.last("spool_max_bytes");
        if (bytes.isPresent()) {
            long parsed = bytes(bytes.get().value().orElse(""));
            if (parsed < 64 * 1024) {
                problems.add(bytes.get().source() + ": spool_max_bytes '" + bytes.get().value().orElse("")
                        + "' must be a size of at least 64K (a number, optionally with K, M or G)");
            } else {
                maxBytes = parsed;
            }
        }
        Duration maxAge = block.seconds("spool_max_age", Duration.ofDays(7), Duration.ofSeconds(1),
                Duration.ofDays(3650), problems);
        Duration initial = block.seconds("retry_initial", Duration.ofSeconds(1), Duration.ofMillis(10),
                Duration.ofHours(1), problems);
        Duration max = block.seconds("retry_max", Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofDays(1),
                problems);
        if (max.compareTo(initial) < 0) {
            max = initial;
        }
        return new AlertsSettings(dir, maxBytes, maxAge, initial, max);
    }

    /** A size such as {@code 65536}, {@code 64K}, {@code 64M} or {@code 1G}; -1 when it is not one. */
    static long bytes(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            return n < 0 || n > Long.MAX_VALUE / unit ? -1 : n * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
