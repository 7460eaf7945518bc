package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

class AgentxDecoderTest {

    private final AgentxDecoder decoder = new AgentxDecoder();

    @Test
    void fewerThanTwentyBytesAreAShortHeader() {
        AgentxDecodeResult result = decode("01021000 00000007 00000000 00000009 000000");
        assertThat(result.error()).isEqualTo(AgentxDecodeError.SHORT_HEADER);
        assertThat(result.header()).isNull();
    }

    @Test
    void versionOtherThanOneIsRefusedButTheHeaderIsKeptForAnAnswer() {
        AgentxDecodeResult result = decode("02051000 00000007 00000005 00000009 00000000");
        assertThat(result.error()).isEqualTo(AgentxDecodeError.UNSUPPORTED_VERSION);
        assertThat(result.header().sessionId()).isEqualTo(7);
        assertThat(result.header().transactionId()).isEqualTo(5);
        assertThat(result.header().packetId()).isEqualTo(9);
    }

    @Test
    void typesOutsideOneToEighteenAreUnknown() {
        assertThat(decode("01001000 00000007 00000000 00000009 00000000").error())
                .isEqualTo(AgentxDecodeError.UNKNOWN_TYPE);
        assertThat(decode("01131000 00000007 00000000 00000009 00000000").error())
                .isEqualTo(AgentxDecodeError.UNKNOWN_TYPE);
    }

    @Test
    void payloadLengthMustBeAMultipleOfFourAndMatchTheBytes() {
        assertThat(decode("01021000 00000007 00000000 00000009 00000003 050000").error())
                .isEqualTo(AgentxDecodeError.BAD_PAYLOAD_LENGTH);
        assertThat(decode("01021000 00000007 00000000 00000009 00000008 05000000").error())
                .isEqualTo(AgentxDecodeError.BAD_PAYLOAD_LENGTH);
    }

    @Test
    void anOidLongerThan128SubidentifiersIsMalformed() {
        StringBuilder hex = new StringBuilder("01051000 00000007 00000000 00000009 0000020c 81000000");
        hex.append(" 00000001".repeat(129)).append(" 00000000");
        AgentxDecodeResult result = decode(hex.toString());
        assertThat(result.error()).isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
        assertThat(result.detail()).contains("129");
    }

    @Test
    void anOctetStringLongerThanThePayloadIsMalformed() {
        assertThat(decode("01011000 00000000 00000000 00000001 0000000c 00000000 00000000 00000100").error())
                .isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
    }

    @Test
    void anUnknownValueTypeIsMalformed() {
        // type 3 (BIT STRING) is not an AgentX type
        assertThat(decode("01121000 00000007 00000000 00000009 00000014 00000000 00000000 00030000 01000000 00000005")
                .error()).isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
    }

    @Test
    void anIpAddressOfOtherThanFourBytesIsMalformed() {
        assertThat(decode("01121000 00000007 00000000 00000009 00000020 00000000 00000000 00400000 01000000"
                + " 00000005 00000005 0a000001 02000000").error()).isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
    }

    @Test
    void bytesLeftAfterAFixedPayloadAreMalformed() {
        assertThat(decode("01021000 00000007 00000000 00000009 00000008 05000000 00000000").error())
                .isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
    }

    @Test
    void aPayloadCutInsideASearchRangeIsMalformedAndKeepsItsHeader() {
        AgentxDecodeResult result = decode("01061000 00000007 00000003 00000009 00000008 02000000 00000001");
        assertThat(result.error()).isEqualTo(AgentxDecodeError.MALFORMED_PAYLOAD);
        assertThat(result.header().type()).isEqualTo(AgentxPduType.GET_NEXT);
        assertThat(result.header().packetId()).isEqualTo(9);
    }

    @Test
    void bothByteOrdersDecodeToTheSamePdu() {
        AgentxEncoder encoder = new AgentxEncoder();
        for (int flags : new int[] {0, AgentxHeader.NETWORK_BYTE_ORDER}) {
            AgentxPdu pdu = new AgentxPdu.VarBinds(new AgentxHeader(AgentxPduType.TEST_SET, flags, 0x01020304,
                    0x05060708, 0x090a0b0c, new OctetString("ctx")), List.of(new VariableBinding(
                            new OID("1.3.6.1.4.1.9586.100.5.1.2.0"), new OctetString("router"))));
            byte[] wire = encoder.encode(pdu);
            assertThat(wire[2] & AgentxHeader.NETWORK_BYTE_ORDER).isEqualTo(flags);
            assertThat(decoder.decode(ByteBuffer.wrap(wire)).pdu()).isEqualTo(pdu);
        }
    }

    @Test
    void payloadLengthIsReadInTheHeadersByteOrder() {
        assertThat(AgentxDecoder.payloadLength(ByteBuffer.wrap(Hex.bytes("01021000 00000007 00000000 00000009 00000104"))))
                .isEqualTo(0x104);
        assertThat(AgentxDecoder.payloadLength(ByteBuffer.wrap(Hex.bytes("01020000 07000000 00000000 09000000 04010000"))))
                .isEqualTo(0x104);
        assertThat(AgentxDecoder.payloadLength(ByteBuffer.wrap(Hex.bytes("01021000 00000007 00000000 00000009 ffffffff"))))
                .isEqualTo(0xffffffffL);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(2741);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[20 + random.nextInt(64)];
            random.nextBytes(bytes);
            bytes[0] = 1;
            bytes[1] = (byte) (1 + random.nextInt(18));
            ByteBuffer.wrap(bytes).order((bytes[2] & 0x10) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .putInt(16, (bytes.length - 20) & ~3);
            AgentxDecodeResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, 20 + ((bytes.length - 20) & ~3)));
            assertThat(result.valid() ^ result.pdu() == null).isTrue();
        }
    }

    private AgentxDecodeResult decode(String hex) {
        return decoder.decode(ByteBuffer.wrap(Hex.bytes(hex)));
    }
}
