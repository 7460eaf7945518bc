package org.keepalived4j.it;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus counters of a keepalived4j node, scraped inside its namespace, keyed by name and instance. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Pattern INAME = Pattern.compile("iname=\"([^\"]*)\"");

    private final Map<String, Double> values;

    private Metrics(Map<String, Double> values) {
        this.values = values;
    }

    static Metrics scrape(String ns) {
        return parse(Lab.scrape(ns));
    }

    /** The value of one series written out in full ({@code name{labels}}, or a bare name) in an exposition. */
    static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l ->
                Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(series + " not in\n" + exposition));
    }

    /** Sums the samples of each metric per instance ({@code keepalived_vrrp_state} has one per address). */
    static Metrics parse(String exposition) {
        Map<String, Double> values = new HashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                Matcher i = INAME.matcher(m.group(2) == null ? "" : m.group(2));
                String key = m.group(1) + (i.find() ? "|" + i.group(1) : "");
                values.merge(key, Double.parseDouble(m.group(3)), Double::sum);
            }
        }
        return new Metrics(values);
    }

    /** The value of {@code name} for {@code instance} (0 when absent). */
    long get(String name, String instance) {
        return Math.round(values.getOrDefault(name + "|" + instance, 0.0));
    }

    /** The value of {@code name} without labels, or summed over its series (0 when absent). */
    long get(String name) {
        return Math.round(values.entrySet().stream().filter(e -> e.getKey().equals(name)
                || e.getKey().startsWith(name + "|")).mapToDouble(Map.Entry::getValue).sum());
    }

    /** Whether every counter ({@code *_total}) has the same value in both scrapes. */
    boolean sameCounters(Metrics other) {
        return counters().equals(other.counters());
    }

    private Map<String, Double> counters() {
        Map<String, Double> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.contains("_total")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
