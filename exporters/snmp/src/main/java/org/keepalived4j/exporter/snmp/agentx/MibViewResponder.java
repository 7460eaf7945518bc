package org.keepalived4j.exporter.snmp.agentx;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Answers one request of the master agent from a {@link MibView} (RFC 2741 7.2.3, 7.2.4): Get,
 * GetNext and GetBulk are served, every set is refused at TestSet, a Ping or Close from the
 * master is acknowledged. No I/O and no state of its own.
 */
final class MibViewResponder {

    private static final Logger LOG = LoggerFactory.getLogger(MibViewResponder.class);

    /**
     * The most VarBinds one GetBulk answer holds, whatever max-repetitions asks: snmpd sends no
     * GetBulk to subagents (it splits a bulk request into GetNexts), so this only bounds the work
     * another master could ask for in one request.
     */
    static final int MAX_BULK_VARBINDS = 1024;

    private final MibView view;

    MibViewResponder(MibView view) {
        this.view = view;
    }

    /**
     * The Response to a request of the master in session {@code sessionId} (0 before the Open is
     * answered), or {@code null} when none is due (CleanupSet, 7.2.4.4, and a Response, which is
     * no request). A request for another session is answered notOpen.
     */
    AgentxPdu.Response respond(AgentxPdu request, int sessionId) {
        AgentxPduType type = request.header().type();
        if (!answered(type)) {
            return null;
        }
        if (sessionId != 0 && request.header().sessionId() != sessionId) {
            return answer(request, ResponseError.NOT_OPEN, 0, List.of());
        }
        if (request.header().context() != null && request.header().context().length() > 0) {
            return answer(request, ResponseError.UNSUPPORTED_CONTEXT, 0, List.of());
        }
        try {
            return switch (type) {
                case GET -> served(request, get(((AgentxPdu.Search) request).ranges()));
                case GET_NEXT -> served(request, next(((AgentxPdu.Search) request).ranges()));
                case GET_BULK -> served(request, bulk((AgentxPdu.GetBulk) request));
                case TEST_SET -> answer(request, ResponseError.NOT_WRITABLE, 1, List.of());
                case COMMIT_SET -> answer(request, ResponseError.COMMIT_FAILED, 0, List.of());
                case UNDO_SET, PING, CLOSE -> answer(request, ResponseError.NO_ERROR, 0, List.of());
                default -> answer(request, ResponseError.PROCESSING_ERROR, 0, List.of());
            };
        } catch (RuntimeException e) {
            LOG.warn("AgentX {} failed reading the MIB view", type, e);
            return answer(request, ResponseError.GEN_ERR, 0, List.of());
        }
    }

    /** The parseError answer to bytes that are no PDU (7.2.2), or {@code null} when none is due. */
    AgentxPdu.Response parseError(AgentxDecodeResult result) {
        AgentxHeader h = result.header();
        if (h == null || !answered(h.type())) {
            return null;
        }
        return new AgentxPdu.Response(h.response(), 0, ResponseError.PARSE_ERROR.code, 0, List.of());
    }

    private static boolean answered(AgentxPduType type) {
        return type != AgentxPduType.CLEANUP_SET && type != AgentxPduType.RESPONSE;
    }

    private List<VariableBinding> get(List<SearchRange> ranges) {
        List<VariableBinding> out = new ArrayList<>(ranges.size());
        for (SearchRange r : ranges) {
            Variable value = view.get(r.start());
            out.add(new VariableBinding(r.start(), value != null ? value : missing(r.start())));
        }
        return out;
    }

    /**
     * What a Get of an absent object answers: noSuchInstance when its parent holds objects (a
     * scalar asked with another index than 0, a table column asked for a row it lacks),
     * noSuchObject otherwise. The MibView knows instances, not object types, so a multi-index
     * row none of whose leading indexes exist is reported as noSuchObject.
     */
    private Variable missing(OID oid) {
        if (oid.size() > 1) {
            OID parent = new OID(oid.getValue(), 0, oid.size() - 1);
            VariableBinding next = view.next(parent);
            if (next != null && next.getOid().startsWith(parent)) {
                return Null.noSuchInstance;
            }
        }
        return Null.noSuchObject;
    }

    private List<VariableBinding> next(List<SearchRange> ranges) {
        List<VariableBinding> out = new ArrayList<>(ranges.size());
        for (SearchRange r : ranges) {
            out.add(next(r));
        }
        return out;
    }

    /** The first object of the range (7.2.3.2), or endOfMibView named by the range's start. */
    private VariableBinding next(SearchRange range) {
        if (range.include()) {
            Variable value = view.get(range.start());
            if (value != null && range.beforeEnd(range.start())) {
                return new VariableBinding(range.start(), value);
            }
        }
        VariableBinding next = view.next(range.start());
        if (next == null || !range.beforeEnd(next.getOid())) {
            return new VariableBinding(range.start(), Null.endOfMibView);
        }
        return next;
    }

    /**
     * GetBulk (7.2.3.3): one GetNext for each of the first non-repeaters ranges, then rounds of
     * one GetNext for each other range, each round going on from where the last one ended, until
     * max-repetitions rounds, a round with nothing but endOfMibView, or the size bound.
     */
    private List<VariableBinding> bulk(AgentxPdu.GetBulk request) {
        List<SearchRange> ranges = request.ranges();
        int nonRepeaters = Math.min(request.nonRepeaters(), ranges.size());
        List<VariableBinding> out = new ArrayList<>(next(ranges.subList(0, nonRepeaters)));
        List<SearchRange> repeaters = new ArrayList<>(ranges.subList(nonRepeaters, ranges.size()));
        for (int round = 0; round < request.maxRepetitions() && !repeaters.isEmpty(); round++) {
            if (out.size() + repeaters.size() > MAX_BULK_VARBINDS) {
                break;
            }
            boolean anyObject = false;
            for (int i = 0; i < repeaters.size(); i++) {
                SearchRange r = repeaters.get(i);
                VariableBinding b = next(r);
                out.add(b);
                if (!b.getVariable().isException()) {
                    anyObject = true;
                    repeaters.set(i, new SearchRange(b.getOid(), false, r.end()));
                }
            }
            if (!anyObject) {
                break;
            }
        }
        return out;
    }

    /** Answers with the values, or genErr naming the first value AgentX cannot carry. */
    private static AgentxPdu.Response served(AgentxPdu request, List<VariableBinding> values) {
        for (int i = 0; i < values.size(); i++) {
            if (AgentxValueType.of(values.get(i).getVariable()) == null) {
                LOG.warn("AgentX cannot carry {} at {}", values.get(i).getVariable().getSyntaxString(),
                        values.get(i).getOid());
                return answer(request, ResponseError.GEN_ERR, i + 1, List.of());
            }
        }
        return answer(request, ResponseError.NO_ERROR, 0, values);
    }

    private static AgentxPdu.Response answer(AgentxPdu request, ResponseError error, int index,
            List<VariableBinding> values) {
        return new AgentxPdu.Response(request.header().response(), 0, error.code, index, values);
    }
}
