package org.keepalived4j.exporter.alerts.syslog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.keepalived4j.exporter.alerts.Alert;

/**
 * An alert as an RFC 5424 message:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [origin ...][SD-ID ...] BOM MSG}.
 *
 * <ul>
 * <li>PRI: the facility times 8 plus the severity: <b>warning</b> (4) for an instance or sync
 * group entering FAULT, a real server going DOWN and a virtual server losing its quorum (DOWN);
 * <b>notice</b> (5) for MASTER and UP (a change worth seeing, not a problem); <b>info</b> (6) for
 * the rest (BACKUP, stopping).</li>
 * <li>TIMESTAMP: when the change happened, UTC, to the microsecond.</li>
 * <li>HOSTNAME: the alert's router_id, else the host name; characters RFC 5424 forbids become
 * {@code _}.</li>
 * <li>PROCID: the daemon's pid; MSGID: the alert's kind ({@code VRRP_INSTANCE}, {@code SYNC_GROUP},
 * {@code REAL_SERVER}, {@code VIRTUAL_SERVER}).</li>
 * <li>STRUCTURED-DATA: the IANA-registered {@code origin} element (software, swVersion), then the
 * alert's own element with id (for dropping repeats), kind, name, from, to and every label;
 * label names made valid SD-NAMEs, values escaped.</li>
 * <li>MSG: the subject, a space and the body, UTF-8 behind a byte order mark as RFC 5424 asks.</li>
 * </ul>
 *
 * A message longer than the transport takes is cut: the message text at a character boundary
 * first; when too little of it would remain, the labels and then all structured data go.
 */
final class SyslogMessage {

    static final int WARNING = 4;
    static final int NOTICE = 5;
    static final int INFO = 6;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** The least message text worth keeping the labels for. */
    private static final int KEEP_TEXT = 160;

    private final int facility;
    private final String appName;
    private final String procId;
    private final String sdId;
    private final String fallbackHost;
    private final String origin;

    SyslogMessage(int facility, String appName, long pid, String sdId, String fallbackHost, String version) {
        this.facility = facility;
        this.appName = appName;
        this.procId = Long.toString(pid);
        this.sdId = sdId;
        this.fallbackHost = fallbackHost;
        this.origin = "[origin software=\"keepalived4j\""
                + (version == null ? "" : " swVersion=\"" + escape(version) + "\"") + "]";
    }

    /** The severity of an alert, as the class comment maps it. */
    static int severity(Alert alert) {
        return switch (alert.to()) {
            case "FAULT", "DOWN" -> WARNING;
            case "MASTER", "UP" -> NOTICE;
            default -> INFO;
        };
    }

    /** The message of {@code alert}, at most {@code maxBytes} long. */
    byte[] encode(Alert alert, int maxBytes) {
        String host = alert.routerId() != null && !alert.routerId().isBlank() ? alert.routerId() : fallbackHost;
        String header = "<" + (facility * 8 + severity(alert)) + ">1 " + TIME.format(alert.time()) + " "
                + field(host, 255) + " " + appName + " " + procId + " " + alert.kind().name() + " ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        String subject = alert.subject() == null ? "" : alert.subject();
        String body = alert.body() == null ? "" : alert.body();
        String joined = subject.isEmpty() || body.isEmpty() ? subject + body : subject + " " + body;
        byte[] text = joined.getBytes(StandardCharsets.UTF_8);
        String[] data = {origin + element(alert, true), origin + element(alert, false), "-"};
        for (int i = 0; i < data.length; i++) {
            byte[] sd = data[i].getBytes(StandardCharsets.UTF_8);
            int room = maxBytes - head.length - sd.length - 1 - BOM.length;
            if (room >= text.length || room >= KEEP_TEXT || i == data.length - 1) {
                return join(head, sd, text, Math.max(0, room));
            }
        }
        throw new AssertionError("unreachable");
    }

    private static byte[] join(byte[] head, byte[] sd, byte[] text, int room) {
        int cut = Math.min(room, text.length);
        // never end inside a character: step back over continuation bytes (10xxxxxx)
        while (cut < text.length && cut > 0 && (text[cut] & 0xC0) == 0x80) {
            cut--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + sd.length + 4 + cut);
        out.writeBytes(head);
        out.writeBytes(sd);
        out.write(' ');
        out.writeBytes(BOM);
        out.write(text, 0, cut);
        return out.toByteArray();
    }

    /** The alert's SD-ELEMENT: the identifying params, then, when {@code labels}, every label. */
    private String element(Alert alert, boolean labels) {
        StringBuilder b = new StringBuilder("[").append(sdId);
        param(b, "id", alert.id());
        param(b, "kind", alert.kind().name());
        param(b, "name", alert.name());
        if (alert.from() != null) {
            param(b, "from", alert.from());
        }
        param(b, "to", alert.to());
        if (labels) {
            for (Map.Entry<String, String> label : alert.labels().entrySet()) {
                param(b, sdName(label.getKey()), label.getValue() == null ? "" : label.getValue());
            }
        }
        return b.append(']').toString();
    }

    private static void param(StringBuilder b, String name, String value) {
        b.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    /** A PARAM-VALUE: {@code "}, {@code \} and {@code ]} escaped with a backslash (RFC 5424 section 6.3.3). */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A valid SD-NAME: 1 to 32 printable US-ASCII characters but {@code = ] "} and space; others become {@code _}. */
    static String sdName(String name) {
        StringBuilder b = new StringBuilder(Math.min(32, Math.max(1, name.length())));
        for (int i = 0; i < name.length() && b.length() < 32; i++) {
            char c = name.charAt(i);
            b.append(c > ' ' && c <= '~' && c != '=' && c != ']' && c != '"' ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    /** A header field: printable US-ASCII, at most {@code max} characters, {@code -} (nil) when empty. */
    static String field(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(max, value.length()));
        for (int i = 0; i < value.length() && b.length() < max; i++) {
            char c = value.charAt(i);
            b.append(c > ' ' && c <= '~' ? c : '_');
        }
        return b.toString();
    }
}
