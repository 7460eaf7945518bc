package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.HistogramSnapshot;

/** The writer's formats: numbers, escapes, UTF-8, headers, histograms, what it refuses. */
class PrometheusTextWriterTest {

    private static final byte[] NAME = PrometheusTextWriter.ascii("name=\"");

    /** Writes {@code families} (of one scrape that is never read) with a writer of {@code bufferSize}. */
    private static String written(boolean openMetrics, int bufferSize, MetricFamily... families) throws IOException {
        PrometheusTextWriter w = new PrometheusTextWriter(bufferSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.start(out, openMetrics);
        for (MetricFamily f : families) {
            w.write(f, null);
        }
        w.end();
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(MetricFamily... families) throws IOException {
        return written(false, 64, families);
    }

    private static MetricFamily gauge(double... values) {
        return MetricFamily.gauge("g", "h", (scrape, w) -> {
            for (int i = 0; i < values.length; i++) {
                w.label(NAME, i);
                w.sample(values[i]);
            }
        });
    }

    /** What the format writes for a value: integral ones below 10^7 with .0, the others as Java prints them. */
    private static String expected(double d) {
        if (d == (long) d && Math.abs(d) < 1e7 && !(d == 0 && 1 / d < 0)) {
            return (long) d + ".0";
        }
        return d == Double.POSITIVE_INFINITY ? "+Inf" : d == Double.NEGATIVE_INFINITY ? "-Inf" : Double.toString(d);
    }

    @Test
    void writesNumbersAsTheFormatWants() throws Exception {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 42.0, -42.0, 9_999_999.0, -9_999_999.0,
                10_000_000.0, 12_345_678.0, 1.5, 0.1, 1e-9, 1.71456471E9, 1.7145612001234567E9, Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                (double) Long.MAX_VALUE, (double) Long.MIN_VALUE, 9.007199254740993E15, 2e23, 1e23, 5e-324));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextInt(20_000_000) - 10_000_000.0);
            values.add(random.nextInt(1_000_000) / 1000.0);
        }
        double[] all = values.stream().mapToDouble(Double::doubleValue).toArray();
        StringBuilder want = new StringBuilder("# HELP g h\n# TYPE g gauge\n");
        for (int i = 0; i < all.length; i++) {
            want.append("g{name=\"").append(i).append("\"} ").append(expected(all[i])).append('\n');
        }
        assertThat(text(gauge(all))).isEqualTo(want.toString());
    }

    @Test
    void escapesLabelValuesAndEncodesThemInUtf8() throws Exception {
        List<String> values = new ArrayList<>(List.of("", "plain", "a\"b\\c\nd", "\\\\\"\"\n\n", "tab\tand\rcr",
                "\u00fcber \u20ac \ud83d\ude00", "CJK \ud874\udc00 U+2D000, \ud876\udc00 U+2D800, \ud876\udfff U+2DBFF",
                "lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, high at the end \ud83d",
                GoldenStates.ODD));
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            char[] c = new char[random.nextInt(12)];
            for (int j = 0; j < c.length; j++) {
                c[j] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) random.nextInt(0x80);
            }
            values.add(new String(c));
        }
        MetricFamily f = MetricFamily.gauge("g", "h", (scrape, w) -> {
            for (int i = 0; i < values.size(); i++) {
                w.label(NAME, i);
                w.label(PrometheusTextWriter.ascii("v=\""), values.get(i));
                w.sample(1);
            }
        });
        StringBuilder want = new StringBuilder("# HELP g h\n# TYPE g gauge\n");
        for (int i = 0; i < values.size(); i++) {
            String escaped = values.get(i).replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
            want.append("g{name=\"").append(i).append("\",v=\"").append(escaped).append("\"} 1.0\n");
        }
        // String.getBytes writes an unpaired surrogate as '?', as the writer does
        byte[] expected = want.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(text(f).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(written(false, 1 << 20, f).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void helpIsEscapedAsEachFormatWants() throws Exception {
        MetricFamily f = new MetricFamily("odd_seconds", MetricFamily.Type.COUNTER, "seconds",
                "back\\slash and\nnewline \"quoted\" \u00e9t\u00e9", (scrape, w) -> w.sample(3));
        assertThat(text(f)).isEqualTo(
                "# HELP odd_seconds_total back\\\\slash and\\nnewline \"quoted\" \u00e9t\u00e9\n"
                + "# TYPE odd_seconds_total counter\nodd_seconds_total 3.0\n");
        assertThat(written(true, 64, f)).isEqualTo("# TYPE odd_seconds counter\n# UNIT odd_seconds seconds\n"
                + "# HELP odd_seconds back\\\\slash and\\nnewline \\\"quoted\\\" \u00e9t\u00e9\n"
                + "odd_seconds_total 3.0\n# EOF\n");
    }

    @Test
    void namesEachTypeAsEachFormatDoes() throws Exception {
        MetricFamily info = new MetricFamily("i", MetricFamily.Type.INFO, null, "h", (scrape, w) -> {
            w.label(NAME, "x");
            w.info();
        });
        MetricFamily untyped = MetricFamily.untyped("u", "h", (scrape, w) -> w.sample(2));
        assertThat(text(info, untyped)).isEqualTo("# HELP i_info h\n# TYPE i_info gauge\ni_info{name=\"x\"} 1\n"
                + "# HELP u h\n# TYPE u untyped\nu 2.0\n");
        assertThat(written(true, 64, info, untyped)).isEqualTo("# TYPE i info\n# HELP i h\ni_info{name=\"x\"} 1\n"
                + "# TYPE u unknown\n# HELP u h\nu 2.0\n# EOF\n");
    }

    @Test
    void aFamilyWithoutSeriesIsNotWritten() throws Exception {
        MetricFamily none = MetricFamily.gauge("none", "h", (scrape, w) -> { });
        assertThat(text(none, gauge(1), none)).isEqualTo("# HELP g h\n# TYPE g gauge\ng{name=\"0\"} 1.0\n");
        assertThat(written(true, 64, none)).isEqualTo("# EOF\n");
    }

    @Test
    void twoSeriesWithTheSameLabelsFailTheScrape() {
        MetricFamily twice = MetricFamily.gauge("twice", "h", (scrape, w) -> {
            w.label(NAME, "a");
            w.sample(1);
            w.label(NAME, "b");
            w.sample(2);
            w.label(NAME, "b");
            w.sample(3);
        });
        assertThatThrownBy(() -> text(twice)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("twice");
        MetricFamily unlabelled = MetricFamily.gauge("bare", "h", (scrape, w) -> {
            w.sample(1);
            w.sample(1);
        });
        assertThatThrownBy(() -> text(unlabelled)).isInstanceOf(IllegalStateException.class);
        MetricFamily histograms = new MetricFamily("hist", MetricFamily.Type.HISTOGRAM, null, "h", (scrape, w) -> {
            w.label(NAME, "a");
            w.histogram(HistogramSnapshot.EMPTY);
            w.label(NAME, "a");
            w.histogram(HistogramSnapshot.EMPTY);
        });
        assertThatThrownBy(() -> text(histograms)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesClassicHistogramsWithCountsThatNeverDecrease() throws Exception {
        HistogramSnapshot odd = new HistogramSnapshot(List.of(-1.0, 0.25, 1e7), List.of(-3L, 5L, 2L, 9L), Double.NaN);
        HistogramSnapshot plain = new HistogramSnapshot(List.of(0.25, 1e7), List.of(1L, 2L, 2L), 0.5);
        MetricFamily f = new MetricFamily("h_seconds", MetricFamily.Type.HISTOGRAM, "seconds", "help",
                (scrape, w) -> w.histogram(plain));
        MetricFamily g = new MetricFamily("l_seconds", MetricFamily.Type.HISTOGRAM, "seconds", "help",
                (scrape, w) -> {
                    w.label(NAME, "a");
                    w.histogram(odd);
                    w.label(NAME, "b");
                    w.histogram(plain);
                });
        assertThat(text(f, g)).isEqualTo("# HELP h_seconds help\n# TYPE h_seconds histogram\n"
                + "h_seconds_bucket{le=\"0.25\"} 1\nh_seconds_bucket{le=\"1.0E7\"} 2\nh_seconds_bucket{le=\"+Inf\"} 2\n"
                + "h_seconds_count 2\nh_seconds_sum 0.5\n"
                + "# HELP l_seconds help\n# TYPE l_seconds histogram\n"
                + "l_seconds_bucket{name=\"a\",le=\"-1.0\"} 0\nl_seconds_bucket{name=\"a\",le=\"0.25\"} 5\n"
                + "l_seconds_bucket{name=\"a\",le=\"1.0E7\"} 5\nl_seconds_bucket{name=\"a\",le=\"+Inf\"} 9\n"
                + "l_seconds_count{name=\"a\"} 9\n"
                + "l_seconds_bucket{name=\"b\",le=\"0.25\"} 1\nl_seconds_bucket{name=\"b\",le=\"1.0E7\"} 2\n"
                + "l_seconds_bucket{name=\"b\",le=\"+Inf\"} 2\nl_seconds_count{name=\"b\"} 2\n"
                + "l_seconds_sum{name=\"b\"} 0.5\n");
    }

    @Test
    void refusesHistogramBoundsThatDoNotAscend() {
        for (List<Double> bounds : List.of(List.of(1.0, 1.0), List.of(2.0, 1.0), List.of(Double.NaN),
                List.of(Double.POSITIVE_INFINITY))) {
            HistogramSnapshot h = new HistogramSnapshot(bounds, Collections.nCopies(bounds.size() + 1, 0L), 0);
            MetricFamily f = new MetricFamily("h", MetricFamily.Type.HISTOGRAM, null, "help",
                    (scrape, w) -> w.histogram(h));
            assertThatThrownBy(() -> text(f)).as(bounds.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aLabelLargerThanTheBufferGoesThroughWhole() throws Exception {
        String big = "x".repeat(300) + "\"" + "\u00fc".repeat(100);
        MetricFamily f = new MetricFamily("h", MetricFamily.Type.HISTOGRAM, null, "help", (scrape, w) -> {
            w.label(NAME, big);
            w.histogram(new HistogramSnapshot(List.of(1.0), List.of(1L, 1L), 1));
        });
        assertThat(written(false, 64, f)).isEqualTo(written(false, 1 << 20, f)).contains(
                "h_bucket{name=\"" + big.replace("\"", "\\\"") + "\",le=\"1.0\"} 1\n");
    }
}
