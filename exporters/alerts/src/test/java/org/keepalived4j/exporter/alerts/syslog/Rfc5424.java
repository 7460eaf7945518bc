package org.keepalived4j.exporter.alerts.syslog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of RFC 5424 messages for the tests, written from the RFC's ABNF: it rejects
 * what the grammar does not allow (bad UTF-8, unescaped characters, over-long fields), so a
 * message it parses is one a conforming receiver parses too.
 *
 * @param sd SD-ID to its params (name to value, unescaped; a repeated name keeps the last)
 * @param sdText the STRUCTURED-DATA as sent
 * @param msg MSG after the byte order mark
 */
record Rfc5424(int pri, int version, String timestamp, String host, String app, String procId, String msgId,
        Map<String, Map<String, String>> sd, String sdText, boolean bom, String msg) {

    static Rfc5424 parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8: " + e);
        }
        if (!text.startsWith("<")) {
            throw new IllegalArgumentException("no PRI: " + text);
        }
        int close = text.indexOf('>');
        int pri = Integer.parseInt(text.substring(1, close));
        int at = close + 1;
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int space = text.indexOf(' ', at);
            fields.add(text.substring(at, space));
            at = space + 1;
        }
        int[] max = {3, 64, 255, 48, 128, 32};
        for (int i = 1; i < 6; i++) {
            String f = fields.get(i);
            if (f.isEmpty() || f.length() > max[i] || f.chars().anyMatch(c -> c < 33 || c > 126)) {
                throw new IllegalArgumentException("bad header field " + i + ": '" + f + "'");
            }
        }
        // fields.get(6) is the start of STRUCTURED-DATA: re-read from there
        at -= fields.get(6).length() + 1;
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        int sdStart = at;
        if (text.charAt(at) == '-') {
            at++;
        } else {
            while (at < text.length() && text.charAt(at) == '[') {
                at++;
                int idEnd = at;
                while (text.charAt(idEnd) != ' ' && text.charAt(idEnd) != ']') {
                    idEnd++;
                }
                String id = sdName(text.substring(at, idEnd));
                Map<String, String> params = new LinkedHashMap<>();
                at = idEnd;
                while (text.charAt(at) == ' ') {
                    int eq = text.indexOf('=', at);
                    String name = sdName(text.substring(at + 1, eq));
                    if (text.charAt(eq + 1) != '"') {
                        throw new IllegalArgumentException("no quote after " + name);
                    }
                    StringBuilder value = new StringBuilder();
                    int i = eq + 2;
                    for (;; i++) {
                        char c = text.charAt(i);
                        if (c == '\\' && "\"\\]".indexOf(text.charAt(i + 1)) >= 0) {
                            value.append(text.charAt(++i));
                        } else if (c == '"') {
                            break;
                        } else if (c == ']') {
                            throw new IllegalArgumentException("unescaped ] in " + name);
                        } else {
                            value.append(c);
                        }
                    }
                    params.put(name, value.toString());
                    at = i + 1;
                }
                if (text.charAt(at) != ']') {
                    throw new IllegalArgumentException("element " + id + " not closed at " + at);
                }
                at++;
                sd.put(id, params);
            }
        }
        String sdText = text.substring(sdStart, at);
        String msg = "";
        boolean bom = false;
        if (at < text.length()) {
            if (text.charAt(at) != ' ') {
                throw new IllegalArgumentException("no space after STRUCTURED-DATA");
            }
            msg = text.substring(at + 1);
            bom = msg.startsWith("\uFEFF");
            msg = bom ? msg.substring(1) : msg;
        }
        return new Rfc5424(pri, Integer.parseInt(fields.get(0)), fields.get(1), fields.get(2), fields.get(3),
                fields.get(4), fields.get(5), sd, sdText, bom, msg);
    }

    /** SD-NAME (and SD-ID, which the ABNF makes an SD-NAME too): 1 to 32 PRINTUSASCII but = ] " and space. */
    private static String sdName(String name) {
        if (name.isEmpty() || name.length() > 32
                || !name.chars().allMatch(c -> c > 32 && c < 127 && c != '=' && c != ']' && c != '"')) {
            throw new IllegalArgumentException("bad SD-NAME '" + name + "'");
        }
        return name;
    }
}
