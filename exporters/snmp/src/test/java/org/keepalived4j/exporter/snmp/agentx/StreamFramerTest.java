package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class StreamFramerTest {

    private static final String PING = "010d1000 00000007 00000000 00000001 00000000";
    private static final String CLOSE_LE = "01020000 07000000 00000000 02000000 04000000 05000000";

    @Test
    void cutsPdusOfBothByteOrdersOutOfAStreamReadInAnyPieces() throws IOException {
        byte[] stream = Hex.bytes(PING + CLOSE_LE + PING);
        for (int piece = 1; piece <= stream.length; piece++) {
            StreamFramer framer = new StreamFramer();
            int frames = 0;
            for (int at = 0; at < stream.length; at += piece) {
                framer.append(ByteBuffer.wrap(stream, at, Math.min(piece, stream.length - at)));
                while (framer.next() != null) {
                    frames++;
                }
            }
            assertThat(frames).as("pieces of %d bytes", piece).isEqualTo(3);
            assertThat(framer.pending()).isZero();
        }
    }

    @Test
    void aFrameIsTheHeaderAndItsPayload() throws IOException {
        StreamFramer framer = new StreamFramer();
        framer.append(ByteBuffer.wrap(Hex.bytes(CLOSE_LE + "0101")));
        assertThat(Hex.of(framer.next().array())).isEqualTo(Hex.of(Hex.bytes(CLOSE_LE)));
        assertThat(framer.next()).isNull();
        assertThat(framer.pending()).isEqualTo(2);
    }

    @Test
    void aPayloadLengthThatCannotBeFramedEndsTheStream() {
        StreamFramer odd = new StreamFramer();
        odd.append(ByteBuffer.wrap(Hex.bytes("01021000 00000007 00000000 00000009 00000003")));
        assertThatThrownBy(odd::next).isInstanceOf(IOException.class).hasMessageContaining("3 bytes");
        StreamFramer huge = new StreamFramer();
        huge.append(ByteBuffer.wrap(Hex.bytes("01021000 00000007 00000000 00000009 7ffffffc")));
        assertThatThrownBy(huge::next).isInstanceOf(IOException.class);
    }
}
