package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.smi.BitString;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class MibViewResponderTest {

    private static final OID ROOT = new OID("1.3.6.1.4.1.9586.100.5.1");

    /** Scalars .1.0 and .2.0, and a table .3.1.C.R with columns 1-2 and rows 1-3. */
    private final MibView view = FixedSection.view(new FixedSection(ROOT, objects()));
    private final MibViewResponder responder = new MibViewResponder(view);

    private static Map<OID, Variable> objects() {
        Map<OID, Variable> objects = new TreeMap<>();
        objects.put(oid("1.0"), new OctetString("version"));
        objects.put(oid("2.0"), new OctetString("router"));
        for (int column = 1; column <= 2; column++) {
            for (int row = 1; row <= 3; row++) {
                objects.put(oid("3.1." + column + "." + row), new Integer32(10 * column + row));
            }
        }
        return objects;
    }

    private static OID oid(String suffix) {
        return new OID(ROOT).append(suffix);
    }

    @Test
    void getAnswersValuesAndTellsMissingInstancesFromMissingObjects() {
        AgentxPdu.Response r = respond(search(AgentxPduType.GET, range("2.0", false, null), range("2.1", false, null),
                range("3.1.2.9", false, null), range("9.0", false, null)));
        assertThat(r.error()).isZero();
        assertThat(r.varbinds()).containsExactly(
                new VariableBinding(oid("2.0"), new OctetString("router")),
                new VariableBinding(oid("2.1"), Null.noSuchInstance),
                new VariableBinding(oid("3.1.2.9"), Null.noSuchInstance),
                new VariableBinding(oid("9.0"), Null.noSuchObject));
    }

    @Test
    void getNextIncludesTheStartOnlyWhenAsked() {
        AgentxPdu.Response r = respond(search(AgentxPduType.GET_NEXT, range("1.0", true, "3"),
                range("1.0", false, "3")));
        assertThat(r.varbinds()).containsExactly(
                new VariableBinding(oid("1.0"), new OctetString("version")),
                new VariableBinding(oid("2.0"), new OctetString("router")));
    }

    @Test
    void getNextStopsAtTheRangesEndWithEndOfMibViewNamedByTheStart() {
        AgentxPdu.Response r = respond(search(AgentxPduType.GET_NEXT, range("2.0", false, "3"),
                range("3.1.2.3", false, null), range("3.1.1.3", false, "3.1.2.1"), range("3.1.2", true, null)));
        assertThat(r.varbinds()).containsExactly(
                new VariableBinding(oid("2.0"), Null.endOfMibView),
                new VariableBinding(oid("3.1.2.3"), Null.endOfMibView),
                new VariableBinding(oid("3.1.1.3"), Null.endOfMibView),
                new VariableBinding(oid("3.1.2.1"), new Integer32(21)));
    }

    @Test
    void getBulkAnswersNonRepeatersOnceThenRoundsOfTheRest() {
        AgentxPdu.Response r = respond(new AgentxPdu.GetBulk(header(AgentxPduType.GET_BULK), 1, 2, List.of(
                range("1.0", false, null), range("3.1.1", false, "3.1.2"), range("3.1.2", false, null))));
        assertThat(r.varbinds()).extracting(VariableBinding::getOid).containsExactly(
                oid("2.0"),
                oid("3.1.1.1"), oid("3.1.2.1"),
                oid("3.1.1.2"), oid("3.1.2.2"));
    }

    @Test
    void getBulkEndsAfterARoundWithNothingButEndOfMibView() {
        AgentxPdu.Response r = respond(new AgentxPdu.GetBulk(header(AgentxPduType.GET_BULK), 0, 50, List.of(
                range("3.1.2", false, null))));
        assertThat(r.varbinds()).extracting(VariableBinding::getOid).containsExactly(
                oid("3.1.2.1"), oid("3.1.2.2"), oid("3.1.2.3"), oid("3.1.2.3"));
        assertThat(r.varbinds().get(3).getVariable()).isEqualTo(Null.endOfMibView);
    }

    @Test
    void getBulkIsBoundedWhateverMaxRepetitionsAsks() {
        Map<OID, Variable> many = new TreeMap<>();
        for (int i = 1; i <= 5000; i++) {
            many.put(oid("4." + i), new Integer32(i));
        }
        MibViewResponder big = new MibViewResponder(FixedSection.view(new FixedSection(ROOT, many)));
        AgentxPdu.Response r = big.respond(new AgentxPdu.GetBulk(header(AgentxPduType.GET_BULK), 0, 65535,
                List.of(range("4", false, null))), 6);
        assertThat(r.varbinds()).hasSize(MibViewResponder.MAX_BULK_VARBINDS);
        assertThat(r.varbinds().get(0).getOid()).isEqualTo(oid("4.1"));
    }

    @Test
    void everySetIsRefusedAtTestSetAndCleanupGetsNoAnswer() {
        AgentxPdu.Response test = respond(new AgentxPdu.VarBinds(header(AgentxPduType.TEST_SET),
                List.of(new VariableBinding(oid("2.0"), new OctetString("x")))));
        assertThat(test.error()).isEqualTo(ResponseError.NOT_WRITABLE.code);
        assertThat(test.index()).isEqualTo(1);
        assertThat(respond(new AgentxPdu.Bare(header(AgentxPduType.COMMIT_SET))).error())
                .isEqualTo(ResponseError.COMMIT_FAILED.code);
        assertThat(respond(new AgentxPdu.Bare(header(AgentxPduType.UNDO_SET))).error()).isZero();
        assertThat(responder.respond(new AgentxPdu.Bare(header(AgentxPduType.CLEANUP_SET)), 6)).isNull();
    }

    @Test
    void theResponseKeepsTheRequestsIdsAndByteOrderAndDropsItsContext() {
        AgentxHeader request = new AgentxHeader(AgentxPduType.GET, 0, 6, 140, 141, new OctetString());
        AgentxPdu.Response r = responder.respond(new AgentxPdu.Search(request, List.of(range("1.0", false, null))), 6);
        assertThat(r.header()).isEqualTo(new AgentxHeader(AgentxPduType.RESPONSE, 0, 6, 140, 141, null));
        assertThat(r.sysUpTime()).isZero();
    }

    @Test
    void aNamedContextIsNotServed() {
        AgentxHeader request = new AgentxHeader(AgentxPduType.GET, AgentxHeader.NETWORK_BYTE_ORDER, 6, 1, 2,
                new OctetString("other"));
        assertThat(responder.respond(new AgentxPdu.Search(request, List.of(range("1.0", false, null))), 6).error())
                .isEqualTo(ResponseError.UNSUPPORTED_CONTEXT.code);
    }

    @Test
    void aValueAgentxCannotCarryIsAGenErrNamingIt() {
        MibViewResponder bits = new MibViewResponder(FixedSection.view(new FixedSection(ROOT,
                Map.of(oid("1.0"), new OctetString("a"), oid("2.0"), bits()))));
        AgentxPdu.Response r = bits.respond(search(AgentxPduType.GET, range("1.0", false, null),
                range("2.0", false, null)), 6);
        assertThat(r.error()).isEqualTo(ResponseError.GEN_ERR.code);
        assertThat(r.index()).isEqualTo(2);
    }

    @Test
    void aFailingViewIsAGenErr() {
        MibView failing = new MibView() {
            @Override
            public List<OID> roots() {
                return List.of(ROOT);
            }

            @Override
            public Variable get(OID oid) {
                throw new IllegalStateException("no snapshot");
            }

            @Override
            public VariableBinding next(OID oid) {
                throw new IllegalStateException("no snapshot");
            }
        };
        assertThat(new MibViewResponder(failing).respond(search(AgentxPduType.GET_NEXT, range("1", false, null)), 6)
                .error()).isEqualTo(ResponseError.GEN_ERR.code);
    }

    /** BITS as SMIv1 had it, which SMIv2 (and so AgentX) dropped. */
    @SuppressWarnings("deprecation")
    private static BitString bits() {
        BitString bits = new BitString();
        bits.setValue(new byte[] {1});
        return bits;
    }

    private AgentxPdu.Response respond(AgentxPdu request) {
        return responder.respond(request, 6);
    }

    @Test
    void aRequestForAnotherSessionIsAnsweredNotOpen() {
        assertThat(responder.respond(search(AgentxPduType.GET, range("1.0", false, null)), 7).error())
                .isEqualTo(ResponseError.NOT_OPEN.code);
    }

    @Test
    void bytesThatAreNoRequestAreAnsweredParseErrorUnlessNoAnswerIsDue() {
        AgentxHeader get = AgentxHeader.of(AgentxPduType.GET, 6, 7, 8);
        assertThat(responder.parseError(AgentxDecodeResult.failed(AgentxDecodeError.MALFORMED_PAYLOAD, get, "cut"))
                .error()).isEqualTo(ResponseError.PARSE_ERROR.code);
        assertThat(responder.parseError(AgentxDecodeResult.failed(AgentxDecodeError.MALFORMED_PAYLOAD,
                AgentxHeader.of(AgentxPduType.RESPONSE, 6, 0, 9), "cut"))).isNull();
        assertThat(responder.parseError(AgentxDecodeResult.failed(AgentxDecodeError.SHORT_HEADER, null, "3 bytes")))
                .isNull();
    }

    private static AgentxPdu.Search search(AgentxPduType type, SearchRange... ranges) {
        return new AgentxPdu.Search(header(type), List.of(ranges));
    }

    private static AgentxHeader header(AgentxPduType type) {
        return AgentxHeader.of(type, 6, 1, 2);
    }

    private static SearchRange range(String start, boolean include, String end) {
        return new SearchRange(oid(start), include, end == null ? new OID() : oid(end));
    }
}
