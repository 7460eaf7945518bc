package org.keepalived4j.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads an HTTP response as keepalived's checker and genhash do: the headers end at the first
 * CRLFCRLF; the status code is the word after the first space; {@code Content-Length:}
 * (case as written) limits how much of the body is hashed; the MD5 covers the raw body bytes
 * (no chunked decoding). Up to {@link #MAX_KEPT} body bytes are kept for a regex.
 */
final class HttpResponseReader {

    static final int MAX_KEPT = 1 << 20;
    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest md5;
    private final boolean keepBody;
    private byte[] head = new byte[0];
    private boolean headerDone;
    private int status;
    private long contentLength = -1;
    private long bodyBytes;
    private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();

    HttpResponseReader(boolean keepBody) {
        this.keepBody = keepBody;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds the next bytes received. */
    void feed(byte[] data, int offset, int length) {
        if (headerDone) {
            body(data, offset, length);
            return;
        }
        byte[] joined = new byte[head.length + length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(data, offset, joined, head.length, length);
        int end = headerEnd(joined);
        if (end < 0) {
            head = joined;
            return;
        }
        headerDone = true;
        status = statusCode(joined, end);
        contentLength = contentLength(joined, end);
        head = null;
        body(joined, end, joined.length - end);
    }

    private void body(byte[] data, int offset, int length) {
        long take = length;
        if (contentLength >= 0) {
            take = Math.max(0, Math.min(length, contentLength - bodyBytes));
        }
        md5.update(data, offset, (int) take);
        if (keepBody && kept.size() < MAX_KEPT) {
            kept.write(data, offset, Math.min(length, MAX_KEPT - kept.size()));
        }
        bodyBytes += length;
    }

    /** Whether the end of the headers has been seen ("no data received" otherwise). */
    boolean headerComplete() {
        return headerDone;
    }

    int status() {
        return status;
    }

    /** The body's MD5 as 32 lower-case hex digits. */
    String digest() {
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The body kept for a regex match, as ISO-8859-1 text (one char per byte). */
    String bodyText() {
        return kept.toString(StandardCharsets.ISO_8859_1);
    }

    private static int headerEnd(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** atoi of the word between the first and second space. */
    private static int statusCode(byte[] b, int end) {
        int i = 0;
        while (i < end && b[i++] != ' ') {
            // skip the protocol word
        }
        return (int) atoi(b, i, end);
    }

    private static long contentLength(byte[] b, int end) {
        outer:
        for (int i = 0; i + CONTENT_LENGTH.length <= end; i++) {
            for (int j = 0; j < CONTENT_LENGTH.length; j++) {
                if (b[i + j] != CONTENT_LENGTH[j]) {
                    continue outer;
                }
            }
            long value = atoi(b, i + CONTENT_LENGTH.length, end);
            return value < 0 ? -1 : value;
        }
        return -1;
    }

    private static long atoi(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        boolean negative = i < end && b[i] == '-';
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        long value = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (b[i++] - '0');
        }
        return negative ? -value : value;
    }

    /**
     * The GET request keepalived sends: {@code GET PATH HTTP/1.x}, its User-Agent, an optional
     * {@code Connection: close} (1.0C and 1.1), and the Host (the virtual host, else ADDRESS:PORT).
     */
    static byte[] request(String path, String protocol, String virtualhost, String address, boolean ipv6, int port) {
        String host = virtualhost != null ? virtualhost : (ipv6 ? "[" + address + "]" : address) + ":" + port;
        String request = "GET " + path + " HTTP/1." + ("1.1".equals(protocol) ? "1" : "0") + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + ("1.0C".equals(protocol) || "1.1".equals(protocol) ? "Connection: close\r\n" : "")
                + "Host: " + host + "\r\n\r\n";
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }
}
