package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * Golden bytes for every PDU type. The little-endian vectors were captured (strace) between
 * keepalived 2.2.7 and snmpd 5.9.3 on x86-64; the big-endian ones are laid out by hand from
 * RFC 2741 sections 5 and 6 and are what this subagent sends.
 */
class AgentxCodecGoldenTest {

    private static final OID KEEPALIVED_VERSION = new OID("1.3.6.1.4.1.9586.100.5.1.1");
    private static final OID NET_SNMP_AGENT_LINUX = new OID("1.3.6.1.4.1.8072.3.2.10");

    private final AgentxEncoder encoder = new AgentxEncoder();
    private final AgentxDecoder decoder = new AgentxDecoder();

    // --- captured from net-snmp (little-endian) ---------------------------------------------------

    @Test
    void netSnmpOpenAsksForAOneSecondTimeout() {
        byte[] wire = Hex.bytes("01010000 00000000 00000000 331e7865 3c000000 01000000 05040000 01000000 881f0000"
                + " 03000000 02000000 0a000000 19000000 4e65742d 534e4d50 20416765 6e745820 7375622d 6167656e 74000000");
        AgentxPdu.Open open = (AgentxPdu.Open) decodeAndReencode(wire);
        assertThat(open.header().packetId()).isEqualTo(0x65781e33);
        assertThat(open.header().has(AgentxHeader.NETWORK_BYTE_ORDER)).isFalse();
        assertThat(open.timeout()).isEqualTo(1);
        assertThat(open.id()).isEqualTo(NET_SNMP_AGENT_LINUX);
        assertThat(open.description()).isEqualTo("Net-SNMP AgentX sub-agent");
    }

    @Test
    void snmpdOpenResponseCarriesSessionIdUpTimeAndTheEchoedVarBind() {
        byte[] wire = Hex.bytes("01120000 06000000 00000000 331e7865 44000000 eb010000 00000000 04000000 05040000"
                + " 01000000 881f0000 03000000 02000000 0a000000 19000000 4e65742d 534e4d50 20416765 6e745820"
                + " 7375622d 6167656e 74000000");
        AgentxPdu.Response response = (AgentxPdu.Response) decodeAndReencode(wire);
        assertThat(response.header().sessionId()).isEqualTo(6);
        assertThat(response.sysUpTime()).isEqualTo(491);
        assertThat(response.error()).isZero();
        assertThat(response.varbinds()).containsExactly(
                new VariableBinding(NET_SNMP_AGENT_LINUX, new OctetString("Net-SNMP AgentX sub-agent")));
    }

    @Test
    void netSnmpRegisterHasAnEmptyNonDefaultContextPriority127AndTimeout255() {
        byte[] wire = Hex.bytes("01030800 06000000 00000000 341e7865 24000000 00000000 ff7f0000 06040000 01000000"
                + " 72250000 64000000 05000000 01000000 01000000");
        AgentxPdu.Registration register = (AgentxPdu.Registration) decodeAndReencode(wire);
        assertThat(register.header().context()).isEqualTo(new OctetString());
        assertThat(register.timeout()).isEqualTo(255);
        assertThat(register.priority()).isEqualTo(127);
        assertThat(register.rangeSubid()).isZero();
        assertThat(register.subtree()).isEqualTo(KEEPALIVED_VERSION);
    }

    @Test
    void snmpdGetNextBoundsTheSearchByTheNextRegistration() {
        byte[] wire = Hex.bytes("01060800 06000000 01000000 02000000 3c000000 00000000 06040100 01000000 72250000"
                + " 64000000 05000000 01000000 01000000 06040000 01000000 72250000 64000000 05000000 01000000"
                + " 02000000");
        AgentxPdu.Search next = (AgentxPdu.Search) decodeAndReencode(wire);
        assertThat(next.header().type()).isEqualTo(AgentxPduType.GET_NEXT);
        assertThat(next.header().transactionId()).isEqualTo(1);
        assertThat(next.ranges()).containsExactly(
                new SearchRange(KEEPALIVED_VERSION, true, new OID("1.3.6.1.4.1.9586.100.5.1.2")));
    }

    @Test
    void snmpdGetHasNullEndsAndOneRangePerVarBind() {
        byte[] wire = Hex.bytes("01050800 06000000 8c000000 8d000000 4c000000 00000000 07040000 01000000 72250000"
                + " 64000000 05000000 01000000 02000000 00000000 00000000 07040000 01000000 72250000 64000000"
                + " 05000000 01000000 02000000 01000000 00000000");
        AgentxPdu.Search get = (AgentxPdu.Search) decodeAndReencode(wire);
        assertThat(get.header().type()).isEqualTo(AgentxPduType.GET);
        assertThat(get.ranges()).containsExactly(
                new SearchRange(new OID("1.3.6.1.4.1.9586.100.5.1.2.0"), false, new OID()),
                new SearchRange(new OID("1.3.6.1.4.1.9586.100.5.1.2.1"), false, new OID()));
    }

    @Test
    void netSnmpResponsesEchoTheRequestsEmptyContext() {
        // RFC 2741 gives a Response no context; net-snmp sends the request's, and snmpd reads it.
        AgentxPdu.Response value = (AgentxPdu.Response) decodeAndReencode(Hex.bytes("01120800 06000000 01000000 02000000"
                + " 54000000 00000000 00000000 00000000 04000000 07040000 01000000 72250000 64000000 05000000"
                + " 01000000 01000000 00000000 1e000000 4b656570 616c6976 65642076 322e322e 37202830 312f3136"
                + " 2c323032 32290000"));
        assertThat(value.varbinds()).containsExactly(new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.1.0"),
                new OctetString("Keepalived v2.2.7 (01/16,2022)")));

        AgentxPdu.Response end = (AgentxPdu.Response) decodeAndReencode(Hex.bytes("01120800 06000000 03000000 04000000"
                + " 30000000 00000000 00000000 00000000 82000000 07040000 01000000 72250000 64000000 05000000"
                + " 01000000 01000000 00000000"));
        assertThat(end.varbinds()).containsExactly(new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.1.0"),
                Null.endOfMibView));

        AgentxPdu.Response get = (AgentxPdu.Response) decodeAndReencode(Hex.bytes("01120800 06000000 8c000000 8d000000"
                + " 60000000 00000000 00000000 00000000 04000000 07040000 01000000 72250000 64000000 05000000"
                + " 01000000 02000000 00000000 05000000 61786c61 62000000 81000000 07040000 01000000 72250000"
                + " 64000000 05000000 01000000 02000000 01000000"));
        assertThat(get.varbinds()).containsExactly(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.2.0"), new OctetString("axlab")),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.2.1"), Null.noSuchInstance));
    }

    @Test
    void snmpdTestSetAndNetSnmpsNotWritableAnswer() {
        AgentxPdu.VarBinds testSet = (AgentxPdu.VarBinds) decodeAndReencode(Hex.bytes("01080800 06000000 01000000"
                + " 02000000 30000000 00000000 04000000 07040000 01000000 72250000 64000000 05000000 01000000"
                + " 02000000 00000000 03000000 666f6f00"));
        assertThat(testSet.header().type()).isEqualTo(AgentxPduType.TEST_SET);
        assertThat(testSet.varbinds()).containsExactly(
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.2.0"), new OctetString("foo")));

        AgentxPdu.Response refused = (AgentxPdu.Response) decodeAndReencode(Hex.bytes("01120800 06000000 01000000 02000000"
                + " 38000000 00000000 00000000 11000100 04000000 07040000 01000000 72250000 64000000 05000000"
                + " 01000000 02000000 00000000 03000000 666f6f00"));
        assertThat(refused.error()).isEqualTo(ResponseError.NOT_WRITABLE.code);
        assertThat(refused.index()).isEqualTo(1);
    }

    @Test
    void snmpdCleanupSetIsAHeaderAlone() {
        AgentxPdu pdu = decodeAndReencode(Hex.bytes("010b0000 06000000 01000000 03000000 00000000"));
        assertThat(pdu).isEqualTo(new AgentxPdu.Bare(new AgentxHeader(AgentxPduType.CLEANUP_SET, 0, 6, 1, 3, null)));
    }

    @Test
    void netSnmpNotifyStartsWithSysUpTimeAndSnmpTrapOid() {
        // Also shows net-snmp setting the include byte of an OID value, which only a SearchRange uses,
        // and keepalived 2.2.7 naming its vrrpInstanceTable objects without their row index.
        AgentxPdu.VarBinds notify = (AgentxPdu.VarBinds) decode(Hex.bytes("010c0000 06000000 00000000 641f7865"
                + " 18010000 43000000 04020000 01000000 01000000 03000000 00000000 09020000 06000000 06060000"
                + " 03000000 01000000 01000000 04000000 01000000 00000000 08040100 01000000 72250000 64000000"
                + " 05000000 02000000 0a000000 00000000 02000000 04000000 08040000 01000000 72250000 64000000"
                + " 05000000 02000000 03000000 01000000 02000000 04000000 56495f31 02000000 08040000 01000000"
                + " 72250000 64000000 05000000 02000000 03000000 01000000 04000000 01000000 02000000 08040000"
                + " 01000000 72250000 64000000 05000000 02000000 03000000 01000000 05000000 02000000 04000000"
                + " 07040000 01000000 72250000 64000000 05000000 01000000 02000000 00000000 05000000 61786c61"
                + " 62000000"));
        assertThat(notify.header().type()).isEqualTo(AgentxPduType.NOTIFY);
        assertThat(notify.varbinds()).containsExactly(
                new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(521)),
                new VariableBinding(new OID("1.3.6.1.6.3.1.1.4.1.0"), new OID("1.3.6.1.4.1.9586.100.5.2.10.0.2")),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2"), new OctetString("VI_1")),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4"), new Integer32(1)),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.5"), new Integer32(2)),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.1.2.0"), new OctetString("axlab")));
    }

    @Test
    void netSnmpAddAgentCapsIsAnOidAndADescription() {
        AgentxPdu.AgentCaps caps = (AgentxPdu.AgentCaps) decodeAndReencode(Hex.bytes("01100000 06000000 00000000"
                + " 481e7865 3c000000 05040000 01000000 72250000 64000000 05000000 01000000 1d000000 54686520"
                + " 4d494220 6d6f6475 6c652066 6f72204b 65657061 6c697665 64000000"));
        assertThat(caps.id()).isEqualTo(new OID("1.3.6.1.4.1.9586.100.5.1"));
        assertThat(caps.description()).isEqualTo("The MIB module for Keepalived");
    }

    @Test
    void netSnmpPingIsAHeaderAlone() {
        AgentxPdu ping = decodeAndReencode(Hex.bytes("010d0000 06000000 00000000 6b1f7865 00000000"));
        assertThat(ping).isEqualTo(new AgentxPdu.Bare(new AgentxHeader(AgentxPduType.PING, 0, 6, 0, 0x65781f6b, null)));
    }

    // --- laid out by hand from RFC 2741 (network byte order) ---------------------------------------

    @Test
    void openAsThisSubagentSendsIt() {
        AgentxPdu open = new AgentxPdu.Open(AgentxHeader.of(AgentxPduType.OPEN, 0, 0, 1), 0, new OID(), "keepalived4j");
        assertGolden(open, "01011000 00000000 00000000 00000001 00000018 00000000 00000000 0000000c 6b656570"
                + " 616c6976 6564346a");
    }

    @Test
    void closeCarriesItsReason() {
        AgentxPdu close = new AgentxPdu.Close(AgentxHeader.of(AgentxPduType.CLOSE, 7, 0, 9), CloseReason.SHUTDOWN.code);
        assertGolden(close, "01021000 00000007 00000000 00000009 00000004 05000000");
    }

    @Test
    void registerOfARangeEndsWithTheUpperBound() {
        // ifIndex.7 .. ifIndex.22 of ifTable's first column: range_subid 11 is the "7".
        AgentxPdu register = new AgentxPdu.Registration(AgentxHeader.of(AgentxPduType.REGISTER, 7, 0, 10), 0, 127, 11,
                new OID("1.3.6.1.2.1.2.2.1.1.7"), 22);
        assertGolden(register, "01031000 00000007 00000000 0000000a 00000024 007f0b00 06020000 00000001 00000002"
                + " 00000002 00000001 00000001 00000007 00000016");
    }

    @Test
    void unregisterHasAReservedByteWhereRegisterHasItsTimeout() {
        AgentxPdu unregister = new AgentxPdu.Registration(AgentxHeader.of(AgentxPduType.UNREGISTER, 7, 0, 11), 0, 127,
                0, new OID("1.3.6.1.4.1.9586.100.5"), 0);
        assertGolden(unregister, "01041000 00000007 00000000 0000000b 00000018 007f0000 04040000 00000001 00002572"
                + " 00000064 00000005");
    }

    @Test
    void getBulkHasItsCountsBeforeTheRanges() {
        AgentxPdu bulk = new AgentxPdu.GetBulk(AgentxHeader.of(AgentxPduType.GET_BULK, 7, 20, 21), 1, 3, List.of(
                new SearchRange(new OID("1.3.6.1.2.1.1.3.0"), false, new OID()),
                new SearchRange(new OID("1.3.6.1.4.1.9586.100.5.2"), true, new OID("1.3.6.1.4.1.9586.100.5.3"))));
        assertGolden(bulk, "01071000 00000007 00000014 00000015 0000004c 00010003"
                + " 04020000 00000001 00000001 00000003 00000000 00000000"
                + " 05040100 00000001 00002572 00000064 00000005 00000002"
                + " 05040000 00000001 00002572 00000064 00000005 00000003");
    }

    @Test
    void commitAndUndoSetAreHeadersAlone() {
        assertGolden(new AgentxPdu.Bare(AgentxHeader.of(AgentxPduType.COMMIT_SET, 7, 20, 22)),
                "01091000 00000007 00000014 00000016 00000000");
        assertGolden(new AgentxPdu.Bare(AgentxHeader.of(AgentxPduType.UNDO_SET, 7, 20, 23)),
                "010a1000 00000007 00000014 00000017 00000000");
    }

    @Test
    void pingInANonDefaultContextCarriesTheContextName() {
        AgentxPdu ping = new AgentxPdu.Bare(new AgentxHeader(AgentxPduType.PING, AgentxHeader.NETWORK_BYTE_ORDER, 7, 0,
                12, new OctetString("ctx")));
        assertGolden(ping, "010d1800 00000007 00000000 0000000c 00000008 00000003 63747800");
    }

    @Test
    void notifyAsThisSubagentSendsIt() {
        AgentxPdu notify = new AgentxPdu.VarBinds(AgentxHeader.of(AgentxPduType.NOTIFY, 7, 0, 3), List.of(
                new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(1234)),
                new VariableBinding(new OID("1.3.6.1.6.3.1.1.4.1.0"), new OID("1.3.6.1.4.1.9586.100.5.2.10.0.2")),
                new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2.1"), new OctetString("VI_1"))));
        assertGolden(notify, "010c1000 00000007 00000000 00000003 00000094"
                + " 00430000 04020000 00000001 00000001 00000003 00000000 000004d2"
                + " 00060000 06060000 00000003 00000001 00000001 00000004 00000001 00000000"
                + " 08040000 00000001 00002572 00000064 00000005 00000002 0000000a 00000000 00000002"
                + " 00040000 09040000 00000001 00002572 00000064 00000005 00000002 00000003 00000001 00000002"
                + " 00000001 00000004 56495f31");
    }

    @Test
    void indexAllocateAndRemoveAgentCaps() {
        AgentxPdu allocate = new AgentxPdu.VarBinds(new AgentxHeader(AgentxPduType.INDEX_ALLOCATE,
                AgentxHeader.NETWORK_BYTE_ORDER | AgentxHeader.ANY_INDEX, 7, 0, 13, null),
                List.of(new VariableBinding(new OID("1.3.6.1.4.1.99.1"), new Integer32(0))));
        assertGolden(allocate, "010e1400 00000007 00000000 0000000d 00000018 00020000 03040000 00000001 00000063"
                + " 00000001 00000000");
        AgentxPdu deallocate = new AgentxPdu.VarBinds(AgentxHeader.of(AgentxPduType.INDEX_DEALLOCATE, 7, 0, 14),
                List.of(new VariableBinding(new OID("1.3.6.1.4.1.99.1"), new Integer32(3))));
        assertGolden(deallocate, "010f1000 00000007 00000000 0000000e 00000018 00020000 03040000 00000001 00000063"
                + " 00000001 00000003");
        AgentxPdu remove = new AgentxPdu.AgentCaps(AgentxHeader.of(AgentxPduType.REMOVE_AGENT_CAPS, 7, 0, 15),
                new OID("1.3.6.1.4.1.9586.100.5.1"), null);
        assertGolden(remove, "01111000 00000007 00000000 0000000f 00000018 05040000 00000001 00002572 00000064"
                + " 00000005 00000001");
    }

    @Test
    void responseWithAValueOfEveryType() {
        AgentxPdu.Response response = new AgentxPdu.Response(AgentxHeader.of(AgentxPduType.RESPONSE, 7, 20, 21), 0, 0,
                0, List.of(
                        binding(1, new Integer32(-2)),
                        binding(2, new OctetString("abcde")),
                        binding(3, new Null()),
                        binding(4, new OID("1.2.3")),
                        binding(5, new IpAddress("10.0.0.1")),
                        binding(6, new Counter32(4294967295L)),
                        binding(7, new Gauge32(7)),
                        binding(8, new TimeTicks(100)),
                        binding(9, new Opaque(new byte[] {(byte) 0x9f, 0x78, 0x04})),
                        binding(10, new Counter64(0x0123456789abcdefL)),
                        binding(11, Null.noSuchObject),
                        binding(12, Null.noSuchInstance),
                        binding(13, Null.endOfMibView)));
        String name = " 03040000 00000001 00000063 ";
        assertGolden(response, "01121000 00000007 00000014 00000015 00000150 00000000 00000000"
                + " 00020000" + name + "00000001 fffffffe"
                + " 00040000" + name + "00000002 00000005 61626364 65000000"
                + " 00050000" + name + "00000003"
                + " 00060000" + name + "00000004 03000000 00000001 00000002 00000003"
                + " 00400000" + name + "00000005 00000004 0a000001"
                + " 00410000" + name + "00000006 ffffffff"
                + " 00420000" + name + "00000007 00000007"
                + " 00430000" + name + "00000008 00000064"
                + " 00440000" + name + "00000009 00000003 9f780400"
                + " 00460000" + name + "0000000a 01234567 89abcdef"
                + " 00800000" + name + "0000000b"
                + " 00810000" + name + "0000000c"
                + " 00820000" + name + "0000000d");
        AgentxPdu.Response decoded = (AgentxPdu.Response) decode(encoder.encode(response));
        for (int i = 0; i < response.varbinds().size(); i++) {
            assertThat(decoded.varbinds().get(i).getVariable().getSyntax()).as("type of varbind %d", i + 1)
                    .isEqualTo(response.varbinds().get(i).getVariable().getSyntax());
        }
    }

    private static VariableBinding binding(int column, org.snmp4j.smi.Variable value) {
        return new VariableBinding(new OID("1.3.6.1.4.1.99").append(column), value);
    }

    /** Encodes to exactly {@code hex}, and decodes back to an equal PDU. */
    private void assertGolden(AgentxPdu pdu, String hex) {
        assertThat(Hex.of(encoder.encode(pdu))).isEqualTo(Hex.of(Hex.bytes(hex)));
        assertThat(decode(Hex.bytes(hex))).isEqualTo(pdu);
    }

    /** Decodes, and checks that encoding gives the same bytes back. */
    private AgentxPdu decodeAndReencode(byte[] wire) {
        AgentxPdu pdu = decode(wire);
        assertThat(Hex.of(encoder.encode(pdu))).isEqualTo(Hex.of(wire));
        return pdu;
    }

    private AgentxPdu decode(byte[] wire) {
        AgentxDecodeResult result = decoder.decode(ByteBuffer.wrap(wire));
        assertThat(result.error()).as(result.detail()).isNull();
        return result.pdu();
    }
}
