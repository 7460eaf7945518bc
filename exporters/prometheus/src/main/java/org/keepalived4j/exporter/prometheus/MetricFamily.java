package org.keepalived4j.exporter.prometheus;

import java.io.IOException;
import java.util.Comparator;

/**
 * One metric family: its name, type, unit and help, the header each exposition format gives it
 * (rendered once, here), and how its series are written from a {@link Scrape}.
 */
final class MetricFamily {

    /** Families are served in the order of their names (as client_java sorted them). */
    static final Comparator<MetricFamily> BY_NAME = Comparator.comparing(MetricFamily::name);

    enum Type {
        COUNTER("counter", "counter"),
        GAUGE("gauge", "gauge"),
        UNKNOWN("untyped", "unknown"),
        INFO("gauge", "info"),
        HISTOGRAM("histogram", "histogram");

        final String text;
        final String openMetrics;

        Type(String text, String openMetrics) {
            this.text = text;
            this.openMetrics = openMetrics;
        }
    }

    /** Writes a family's series from one scrape, in the order of their labels. */
    @FunctionalInterface
    interface Series {
        void write(Scrape scrape, PrometheusTextWriter out) throws IOException;
    }

    private final String name;
    private final Series series;
    private final byte[] textHeader;
    private final byte[] openMetricsHeader;
    private final byte[] sampleName;
    private final byte[] countName;
    private final byte[] sumName;

    /**
     * @param name the family's name, without the {@code _total} of a counter or the {@code _info} of an info
     * @param unit {@code seconds}, {@code bytes}..., or {@code null}; the name already ends with it
     */
    MetricFamily(String name, Type type, String unit, String help, Series series) {
        this.name = name;
        this.series = series;
        String textName = switch (type) {
            case COUNTER -> name + "_total";
            case INFO -> name + "_info";
            default -> name;
        };
        // the Prometheus text format: HELP, TYPE, with the suffixed name; only \ and newline escaped
        StringBuilder text = new StringBuilder();
        if (help != null) {
            text.append("# HELP ").append(textName).append(' ').append(escaped(help, false)).append('\n');
        }
        text.append("# TYPE ").append(textName).append(' ').append(type.text).append('\n');
        // OpenMetrics: TYPE, UNIT, HELP, with the family's own name; help escaped as a label value
        StringBuilder om = new StringBuilder();
        om.append("# TYPE ").append(name).append(' ').append(type.openMetrics).append('\n');
        if (unit != null) {
            om.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
        if (help != null) {
            om.append("# HELP ").append(name).append(' ').append(escaped(help, true)).append('\n');
        }
        textHeader = latin1(text);
        openMetricsHeader = latin1(om);
        sampleName = PrometheusTextWriter.ascii(type == Type.HISTOGRAM ? name + "_bucket" : textName);
        countName = PrometheusTextWriter.ascii(name + "_count");
        sumName = PrometheusTextWriter.ascii(name + "_sum");
    }

    static MetricFamily counter(String name, String help, Series series) {
        return new MetricFamily(name, Type.COUNTER, null, help, series);
    }

    static MetricFamily gauge(String name, String help, Series series) {
        return new MetricFamily(name, Type.GAUGE, null, help, series);
    }

    /** A gauge in seconds (its name ends with {@code _seconds}). */
    static MetricFamily seconds(String name, String help, Series series) {
        return new MetricFamily(name, Type.GAUGE, "seconds", help, series);
    }

    static MetricFamily untyped(String name, String help, Series series) {
        return new MetricFamily(name, Type.UNKNOWN, null, help, series);
    }

    String name() {
        return name;
    }

    Series series() {
        return series;
    }

    byte[] header(boolean openMetrics) {
        return openMetrics ? openMetricsHeader : textHeader;
    }

    /** {@code name_total}, {@code name_info}, {@code name_bucket} or the name itself. */
    byte[] sampleName() {
        return sampleName;
    }

    byte[] countName() {
        return countName;
    }

    byte[] sumName() {
        return sumName;
    }

    /** The header's text, UTF-8 already, held one byte per char. */
    private static String escaped(String s, boolean quotes) {
        byte[] b = new byte[PrometheusTextWriter.maxEscapedLength(s)];
        int n = PrometheusTextWriter.escape(s, quotes, b, 0);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) (b[i] & 0xff);
        }
        return new String(c);
    }

    private static byte[] latin1(CharSequence s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
