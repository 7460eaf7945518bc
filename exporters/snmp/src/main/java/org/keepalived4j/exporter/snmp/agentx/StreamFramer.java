package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into whole PDUs by the header's payload length. A length that is not a
 * multiple of 4 or beyond {@link #MAX_PAYLOAD} means the stream can no longer be framed: the
 * connection has to go.
 */
final class StreamFramer {

    /** Far more than any PDU snmpd sends (a request holds at most a few hundred ranges). */
    static final int MAX_PAYLOAD = 1 << 20;

    private byte[] buffer = new byte[4096];
    private int length;

    void append(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (buffer.length < length + n) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
        }
        bytes.get(buffer, length, n);
        length += n;
    }

    /**
     * The next whole PDU (header and payload) received, or {@code null} until more bytes come.
     *
     * @throws IOException when the header announces a payload the stream cannot carry
     */
    ByteBuffer next() throws IOException {
        if (length < AgentxHeader.LENGTH) {
            return null;
        }
        long payload = AgentxDecoder.payloadLength(ByteBuffer.wrap(buffer, 0, length));
        if (payload % 4 != 0 || payload > MAX_PAYLOAD) {
            throw new IOException("AgentX header announces a payload of " + payload + " bytes");
        }
        int total = AgentxHeader.LENGTH + (int) payload;
        if (length < total) {
            return null;
        }
        ByteBuffer frame = ByteBuffer.wrap(Arrays.copyOf(buffer, total));
        System.arraycopy(buffer, total, buffer, 0, length - total);
        length -= total;
        return frame;
    }

    /**
     * Adds every whole PDU received so far to {@code frames}.
     *
     * @throws IOException as {@link #next}
     */
    void drainTo(List<ByteBuffer> frames) throws IOException {
        for (ByteBuffer frame = next(); frame != null; frame = next()) {
            frames.add(frame);
        }
    }

    /** Bytes received that are not yet a whole PDU. */
    int pending() {
        return length;
    }
}
