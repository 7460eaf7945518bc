package org.keepalived4j.exporter.prometheus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.keepalived4j.model.HistogramSnapshot;

/**
 * Writes metric families in the Prometheus text format (0.0.4) or in OpenMetrics 1.0 straight to
 * an output stream, through one buffer of {@value #BUFFER_SIZE} bytes that is handed to the stream
 * each time it fills: a scrape of any size costs the same memory, and no object is made per
 * series. Each family ({@link #write(MetricFamily, Scrape)}) gives, per series, its labels (in
 * the order of their names) and its value; a family without series is not written at all.
 *
 * <p>The bytes are those of client_java's {@code PrometheusTextFormatWriter} and
 * {@code OpenMetricsTextFormatWriter} for the metric types keepalived4j uses (counter, gauge,
 * unknown, info, classic histogram, without exemplars or created timestamps), which served the
 * endpoint before: label values and help text escaped as each format wants and encoded in UTF-8,
 * integral values below 10^7 as {@code 12.0}, others as {@link Double#toString} writes them,
 * {@code +Inf}, {@code -Inf}, {@code NaN}. As there, two series of one family with the same labels
 * fail the scrape. Not thread-safe: reused by one thread, scrape after scrape.
 */
final class PrometheusTextWriter {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** What is kept before the stream gets it. */
    static final int BUFFER_SIZE = 64 * 1024;

    private static final byte[] EOF = ascii("# EOF\n");
    private static final byte[] LE = ascii("le=\"");
    private static final byte[] INF = ascii("+Inf");

    private final byte[] buf;
    private int len;
    private OutputStream out;
    private long flushed;
    private boolean openMetrics;

    /** The family being written, and whether its header is out yet. */
    private MetricFamily family;
    private boolean headerWritten;

    /** The current series' labels ({@code a="x",b="y"}), and the previous series' of the family. */
    private byte[] labels = new byte[256];
    private int labelsLength;
    private byte[] previous = new byte[256];
    private int previousLength = -1;

    /** Double.toString's digits, without a String per number. */
    private final StringBuilder decimal = new StringBuilder(32);

    /** The last histogram's bucket bounds and their text: nearly every series shares them. */
    private List<Double> bounds;
    private double[] boundValues = new double[0];
    private byte[][] boundTexts = {INF};

    PrometheusTextWriter() {
        this(BUFFER_SIZE);
    }

    /** With another buffer size (tests: at least 64 bytes). */
    PrometheusTextWriter(int bufferSize) {
        buf = new byte[Math.max(64, bufferSize)];
    }

    /** Starts an exposition to {@code out} (which is neither flushed nor closed here). */
    void start(OutputStream out, boolean openMetrics) {
        this.out = out;
        this.openMetrics = openMetrics;
        len = 0;
        flushed = 0;
        family = null;
        labelsLength = 0;
    }

    /** Ends the exposition: OpenMetrics' {@code # EOF} line. What is buffered stays for {@link #flush}. */
    void end() throws IOException {
        if (openMetrics) {
            put(EOF, 0, EOF.length);
        }
        family = null;
    }

    /** Bytes buffered, not yet given to the stream. */
    int buffered() {
        return len;
    }

    /** Bytes given to the stream so far. */
    long flushed() {
        return flushed;
    }

    /** Hands what is buffered to the stream. */
    void flush() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            flushed += len;
            len = 0;
        }
    }

    /** Writes {@code f}'s series, from {@code scrape}: its header first, if it has any. */
    void write(MetricFamily f, Scrape scrape) throws IOException {
        family = f;
        headerWritten = false;
        labelsLength = 0;
        previousLength = -1;
        f.series().write(scrape, this);
        family = null;
    }

    // ---- labels of the next series, in the order of their names

    /** Labels rendered before ({@code a="x",b="y"}: names, escaped values), {@code text[from, to)}. */
    void labels(byte[] text, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        ensureLabels(n + 1);
        if (labelsLength > 0) {
            labels[labelsLength++] = ',';
        }
        System.arraycopy(text, from, labels, labelsLength, n);
        labelsLength += n;
    }

    /** One label; {@code nameQuote} is its name followed by {@code ="}. */
    void label(byte[] nameQuote, String value) {
        beginLabel(nameQuote);
        labelText(value);
        endLabel();
    }

    /** One label whose value is a number. */
    void label(byte[] nameQuote, int value) {
        beginLabel(nameQuote);
        labelNumber(value);
        endLabel();
    }

    /** The start of a label whose value follows in parts: {@link #labelText}, {@link #labelNumber}. */
    void beginLabel(byte[] nameQuote) {
        ensureLabels(nameQuote.length + 1);
        if (labelsLength > 0) {
            labels[labelsLength++] = ',';
        }
        System.arraycopy(nameQuote, 0, labels, labelsLength, nameQuote.length);
        labelsLength += nameQuote.length;
    }

    void labelText(String value) {
        ensureLabels(maxEscapedLength(value));
        labelsLength = escape(value, true, labels, labelsLength);
    }

    void labelChar(char c) {
        ensureLabels(1);
        labels[labelsLength++] = (byte) c;
    }

    void labelNumber(long value) {
        ensureLabels(20);
        labelsLength = digits(value, labels, labelsLength);
    }

    void endLabel() {
        ensureLabels(1);
        labels[labelsLength++] = '"';
    }

    // ---- series

    /** A counter, gauge or unknown series with the labels given since the last series. */
    void sample(double value) throws IOException {
        beginSeries();
        byte[] name = family.sampleName();
        put(name, 0, name.length);
        putLabels();
        ensure(34);
        buf[len++] = ' ';
        number(value);
        buf[len++] = '\n';
        endSeries();
    }

    /** An info series (its value is always 1). */
    void info() throws IOException {
        beginSeries();
        byte[] name = family.sampleName();
        put(name, 0, name.length);
        putLabels();
        ensure(3);
        buf[len++] = ' ';
        buf[len++] = '1';
        buf[len++] = '\n';
        endSeries();
    }

    /**
     * A classic histogram from the model's cumulative one: a bucket per bound and {@code +Inf},
     * counts that never decrease (what client_java's per-bucket counts, never below 0, add up
     * to), {@code _count} and, unless the sum is NaN, {@code _sum}.
     */
    void histogram(HistogramSnapshot h) throws IOException {
        beginSeries();
        byte[][] texts = boundTexts(h.upperBoundsSeconds());
        List<Long> counts = h.cumulativeCounts();
        byte[] bucket = family.sampleName();
        long cumulative = 0;
        for (int i = 0; i < texts.length; i++) {
            cumulative = Math.max(cumulative, counts.get(i));
            byte[] bound = texts[i];
            int line = bucket.length + labelsLength + LE.length + bound.length + 26;
            if (line <= buf.length) {
                ensure(line);
                System.arraycopy(bucket, 0, buf, len, bucket.length);
                len += bucket.length;
                buf[len++] = '{';
                if (labelsLength > 0) {
                    System.arraycopy(labels, 0, buf, len, labelsLength);
                    len += labelsLength;
                    buf[len++] = ',';
                }
                System.arraycopy(LE, 0, buf, len, LE.length);
                len += LE.length;
                System.arraycopy(bound, 0, buf, len, bound.length);
                len += bound.length;
            } else {
                put(bucket, 0, bucket.length);
                put('{');
                if (labelsLength > 0) {
                    put(labels, 0, labelsLength);
                    put(',');
                }
                put(LE, 0, LE.length);
                put(bound, 0, bound.length);
                ensure(25);
            }
            buf[len++] = '"';
            buf[len++] = '}';
            buf[len++] = ' ';
            len = digits(cumulative, buf, len);
            buf[len++] = '\n';
        }
        byte[] count = family.countName();
        put(count, 0, count.length);
        putLabels();
        ensure(22);
        buf[len++] = ' ';
        len = digits(cumulative, buf, len);
        buf[len++] = '\n';
        if (!Double.isNaN(h.sumSeconds())) {
            byte[] sum = family.sumName();
            put(sum, 0, sum.length);
            putLabels();
            ensure(34);
            buf[len++] = ' ';
            number(h.sumSeconds());
            buf[len++] = '\n';
        }
        endSeries();
    }

    /** The family's header before its first series; a second series with the same labels fails. */
    private void beginSeries() throws IOException {
        if (!headerWritten) {
            byte[] header = family.header(openMetrics);
            put(header, 0, header.length);
            headerWritten = true;
        } else if (labelsLength == previousLength
                && Arrays.equals(labels, 0, labelsLength, previous, 0, previousLength)) {
            labelsLength = 0;
            throw new IllegalStateException("two series of " + family.name() + " have the same labels");
        }
    }

    /** The series' labels become the previous ones, to compare the next series' with. */
    private void endSeries() {
        byte[] swap = previous;
        previous = labels;
        previousLength = labelsLength;
        labels = swap;
        labelsLength = 0;
    }

    /** {@code {labels}} when there are labels. */
    private void putLabels() throws IOException {
        if (labelsLength == 0) {
            return;
        }
        if (labelsLength + 2 <= buf.length - len) {
            buf[len++] = '{';
            System.arraycopy(labels, 0, buf, len, labelsLength);
            len += labelsLength;
            buf[len++] = '}';
        } else {
            put('{');
            put(labels, 0, labelsLength);
            put('}');
        }
    }

    private byte[][] boundTexts(List<Double> upperBounds) {
        if (upperBounds == bounds) {
            return boundTexts;
        }
        int n = upperBounds.size();
        boolean same = n == boundValues.length;
        for (int i = 0; same && i < n; i++) {
            same = Double.compare(upperBounds.get(i), boundValues[i]) == 0;
        }
        if (!same) {
            double[] values = new double[n];
            byte[][] texts = new byte[n + 1][];
            for (int i = 0; i < n; i++) {
                values[i] = upperBounds.get(i);
                if (Double.isNaN(values[i]) || values[i] == Double.POSITIVE_INFINITY
                        || i > 0 && values[i] <= values[i - 1]) {
                    throw new IllegalArgumentException("histogram bounds must be ascending, finite or -Inf: "
                            + upperBounds);
                }
                texts[i] = ascii(doubleText(values[i]));
            }
            texts[n] = INF;
            boundValues = values;
            boundTexts = texts;
        }
        bounds = upperBounds;
        return boundTexts;
    }

    // ---- numbers

    /** Room for 32 bytes must be ensured: a double's text is at most 24. */
    private void number(double d) {
        if (d == (long) d && Math.abs(d) < 1e7 && !(d == 0 && Double.doubleToRawLongBits(d) != 0)) {
            len = digits((long) d, buf, len);
            buf[len++] = '.';
            buf[len++] = '0';
        } else if (d == Double.POSITIVE_INFINITY) {
            System.arraycopy(INF, 0, buf, len, INF.length);
            len += INF.length;
        } else if (d == Double.NEGATIVE_INFINITY) {
            buf[len++] = '-';
            buf[len++] = 'I';
            buf[len++] = 'n';
            buf[len++] = 'f';
        } else {
            // the digits of Double.toString (NaN included), without making a String
            decimal.setLength(0);
            decimal.append(d);
            for (int i = 0, n = decimal.length(); i < n; i++) {
                buf[len++] = (byte) decimal.charAt(i);
            }
        }
    }

    /** {@code v} in decimal at {@code dst[pos]} (room for 20 bytes); returns the new position. */
    static int digits(long v, byte[] dst, int pos) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] min = ascii(Long.toString(v));
                System.arraycopy(min, 0, dst, pos, min.length);
                return pos + min.length;
            }
            dst[pos++] = '-';
            v = -v;
        }
        int n = 1;
        for (long p = 10; n < 19 && v >= p; p *= 10) {
            n++;
        }
        int end = pos + n;
        for (int i = end - 1; i >= pos; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return end;
    }

    /** A histogram bound as the formats write it. */
    static String doubleText(double d) {
        if (d == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return Double.toString(d);
    }

    // ---- text

    /** The most bytes {@link #escape} writes for {@code s}. */
    static int maxEscapedLength(String s) {
        return 3 * s.length();
    }

    /**
     * {@code s} in UTF-8 at {@code dst[pos]}, with backslash and newline escaped, and the double
     * quote too when {@code quotes} (label values, OpenMetrics' help); an unpaired surrogate is
     * written {@code ?}, as String.getBytes does. Needs room for {@link #maxEscapedLength} bytes;
     * returns the new position.
     */
    static int escape(String s, boolean quotes, byte[] dst, int pos) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '\\') {
                    dst[pos++] = '\\';
                    dst[pos++] = '\\';
                } else if (c == '\n') {
                    dst[pos++] = '\\';
                    dst[pos++] = 'n';
                } else if (c == '"' && quotes) {
                    dst[pos++] = '\\';
                    dst[pos++] = '"';
                } else {
                    dst[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                dst[pos++] = (byte) (0xc0 | c >> 6);
                dst[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                dst[pos++] = (byte) (0xe0 | c >> 12);
                dst[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
                dst[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[pos++] = (byte) (0xf0 | cp >> 18);
                dst[pos++] = (byte) (0x80 | cp >> 12 & 0x3f);
                dst[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
                dst[pos++] = (byte) (0x80 | cp & 0x3f);
            } else {
                dst[pos++] = '?';
            }
        }
        return pos;
    }

    static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }

    // ---- the buffer

    private void put(byte[] b, int off, int n) throws IOException {
        if (n > buf.length - len) {
            flush();
            if (n > buf.length) {
                out.write(b, off, n);
                flushed += n;
                return;
            }
        }
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void put(char c) throws IOException {
        ensure(1);
        buf[len++] = (byte) c;
    }

    /** Room for {@code n} more bytes in the buffer (at most its size), flushing it first if needed. */
    private void ensure(int n) throws IOException {
        if (n > buf.length - len) {
            flush();
        }
    }

    private void ensureLabels(int more) {
        if (labelsLength + more > labels.length) {
            labels = Arrays.copyOf(labels, Math.max(labels.length * 2, labelsLength + more));
        }
    }
}
