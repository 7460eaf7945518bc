package org.keepalived4j.exporter.alerts.spool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keepalived4j.exporter.alerts.Alert;

/**
 * An alert as the spool stores it: a version byte, then every field in order, strings as a
 * length (-1 for none) and UTF-8 bytes. A record of another version is refused, never guessed.
 */
final class AlertCodec {

    private static final int VERSION = 1;

    private AlertCodec() {
    }

    static byte[] encode(Alert alert) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            string(out, alert.id());
            out.writeLong(alert.time().getEpochSecond());
            out.writeInt(alert.time().getNano());
            string(out, alert.routerId());
            string(out, alert.kind().name());
            string(out, alert.name());
            string(out, alert.from());
            string(out, alert.to());
            string(out, alert.subject());
            string(out, alert.body());
            out.writeBoolean(alert.mail());
            out.writeInt(alert.labels().size());
            for (Map.Entry<String, String> label : alert.labels().entrySet()) {
                string(out, label.getKey());
                string(out, label.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static Alert decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IOException("spool record of version " + version + ", expected " + VERSION);
        }
        String id = string(in);
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String routerId = string(in);
        Alert.Kind kind;
        try {
            kind = Alert.Kind.valueOf(string(in));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("spool record of an unknown kind");
        }
        String name = string(in);
        String from = string(in);
        String to = string(in);
        String subject = string(in);
        String body = string(in);
        boolean mail = in.readBoolean();
        int count = in.readInt();
        if (count < 0 || count > 1000) {
            throw new IOException("spool record with " + count + " labels");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            labels.put(string(in), string(in));
        }
        if (id == null || name == null || to == null) {
            throw new IOException("spool record without id, name or state");
        }
        return new Alert(id, time, routerId, kind, name, from, to, subject, body, mail, labels);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("spool record string of length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
