package org.keepalived4j.exporter.alerts.spool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.model.ScriptLine;

/**
 * An alert as the spool stores it: a version byte, then every field in order, strings as a
 * length (-1 for none) and UTF-8 bytes; lists as a count and their items. Version 2 added the
 * notify scripts (a version 1 record, from before, runs none). A record of another version is
 * refused, never guessed.
 */
final class AlertCodec {

    private static final int VERSION = 2;
    private static final int MAX_ITEMS = 1000;

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
            out.writeInt(alert.scripts().size());
            for (Alert.Script script : alert.scripts()) {
                ScriptLine line = script.line();
                string(out, line.command());
                string(out, line.user());
                string(out, line.group());
                strings(out, line.words());
                strings(out, script.arguments());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    static Alert decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int version = in.readUnsignedByte();
        if (version != 1 && version != VERSION) {
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
        int count = count(in, "labels");
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            labels.put(string(in), string(in));
        }
        List<Alert.Script> scripts = new ArrayList<>();
        if (version >= 2) {
            int scriptCount = count(in, "scripts");
            for (int i = 0; i < scriptCount; i++) {
                String command = string(in);
                String user = string(in);
                String group = string(in);
                List<String> words = strings(in);
                List<String> arguments = strings(in);
                if (command == null) {
                    throw new IOException("spool record with a script without a command");
                }
                scripts.add(new Alert.Script(new ScriptLine(command, user, group, words), arguments));
            }
        }
        if (id == null || name == null || to == null) {
            throw new IOException("spool record without id, name or state");
        }
        return new Alert(id, time, routerId, kind, name, from, to, subject, body, mail, labels, scripts);
    }

    private static int count(DataInputStream in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("spool record with " + count + " " + what);
        }
        return count;
    }

    private static void strings(DataOutputStream out, List<String> items) throws IOException {
        out.writeInt(items.size());
        for (String item : items) {
            string(out, item);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = count(in, "words");
        List<String> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String item = string(in);
            if (item == null) {
                throw new IOException("spool record with a missing word");
            }
            items.add(item);
        }
        return items;
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
