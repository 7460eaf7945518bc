package org.keepalived4j.exporter.snmp.agent;

import java.util.ArrayList;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.VariableBinding;

/**
 * Answers one read request (Get, GetNext, GetBulk) from what it may read, and refuses what this
 * read-only agent never does, as RFC 3416 and, for SNMPv1, RFC 1157 and RFC 3584 say. Pure: no
 * socket, no access decision, no state.
 */
final class RequestProcessor {

    /** Slack for the length octets that grow as variable bindings are added. */
    private static final int LENGTH_SLACK = 8;

    private RequestProcessor() {
    }

    /** The response to a Get, GetNext or GetBulk that fits in {@code maxSize} bytes of PDU. */
    static PDU answer(PDU request, ReadableView view, int maxSize) {
        PDU response = responseTo(request);
        List<? extends VariableBinding> in = request.getVariableBindings();
        List<VariableBinding> out = new ArrayList<>(in.size());
        if (request.getType() == PDU.GETBULK) {
            bulk(request, view, maxSize - emptyLength(response), out);
        } else {
            for (int i = 0; i < in.size(); i++) {
                VariableBinding vb = request.getType() == PDU.GET ? get(in.get(i), view) : next(in.get(i), view);
                if (vb == null) { // SNMPv1 only
                    return error(request, PDU.noSuchName, i + 1);
                }
                out.add(vb);
            }
        }
        response.setVariableBindings(out);
        if (response.getBERLength() > maxSize) {
            return tooBig(request, view.v1());
        }
        return response;
    }

    /**
     * A Set refused: noAccess for SNMPv2c/v3 (what net-snmp answers for a read-only view),
     * noSuchName for SNMPv1 (RFC 3584 section 4.4 maps noAccess to it).
     */
    static PDU refuseSet(PDU request, boolean v1) {
        return error(request, v1 ? PDU.noSuchName : PDU.noAccess, request.size() == 0 ? 0 : 1);
    }

    /** SNMPv3 access refused (a user without rouser, or below its level): authorizationError. */
    static PDU refuseUser(PDU request) {
        return error(request, PDU.authorizationError, 0);
    }

    /** A Get's answer; {@code null} for SNMPv1 when the object cannot be read. */
    private static VariableBinding get(VariableBinding requested, ReadableView view) {
        var value = view.get(requested.getOid());
        if (value != null) {
            return new VariableBinding(requested.getOid(), value);
        }
        if (view.v1()) {
            return null;
        }
        return new VariableBinding(requested.getOid(),
                view.knowsParentOf(requested.getOid()) ? Null.noSuchInstance : Null.noSuchObject);
    }

    /** A GetNext's answer; {@code null} for SNMPv1 past the last object. */
    private static VariableBinding next(VariableBinding requested, ReadableView view) {
        VariableBinding vb = view.next(requested.getOid());
        if (vb != null || view.v1()) {
            return vb;
        }
        return new VariableBinding(requested.getOid(), Null.endOfMibView);
    }

    /**
     * RFC 3416 section 4.2.3: the non-repeaters once, then up to max-repetitions rounds of the
     * rest, stopping early when every repeater is past the last object or the next round's
     * bindings would not fit (a GetBulk answer may be cut short; it is never tooBig).
     */
    private static void bulk(PDU request, ReadableView view, int budget, List<VariableBinding> out) {
        List<? extends VariableBinding> in = request.getVariableBindings();
        int nonRepeaters = Math.min(Math.max(request.getNonRepeaters(), 0), in.size());
        int maxRepetitions = Math.max(request.getMaxRepetitions(), 0);
        int left = budget - LENGTH_SLACK;
        for (int i = 0; i < nonRepeaters; i++) {
            VariableBinding vb = next(in.get(i), view);
            left -= vb.getBERLength();
            if (left < 0) {
                return;
            }
            out.add(vb);
        }
        List<VariableBinding> cursor = new ArrayList<>(in.subList(nonRepeaters, in.size()));
        for (int round = 0; round < maxRepetitions && !cursor.isEmpty(); round++) {
            boolean allEnded = true;
            for (int j = 0; j < cursor.size(); j++) {
                VariableBinding vb = ended(cursor.get(j)) ? cursor.get(j) : next(cursor.get(j), view);
                left -= vb.getBERLength();
                if (left < 0) {
                    return;
                }
                out.add(vb);
                cursor.set(j, vb);
                allEnded &= ended(vb);
            }
            if (allEnded) {
                return;
            }
        }
    }

    private static boolean ended(VariableBinding vb) {
        return vb.getVariable().getSyntax() == SMIConstants.EXCEPTION_END_OF_MIB_VIEW;
    }

    private static PDU tooBig(PDU request, boolean v1) {
        PDU response = error(request, PDU.tooBig, 0);
        if (!v1) {
            response.setVariableBindings(List.of());
        }
        return response;
    }

    /** An error response carrying the request's variable bindings, as RFC 1157 and RFC 3416 want. */
    private static PDU error(PDU request, int status, int index) {
        PDU response = responseTo(request);
        response.setVariableBindings(request.getVariableBindings());
        response.setErrorStatus(status);
        response.setErrorIndex(index);
        return response;
    }

    private static PDU responseTo(PDU request) {
        PDU response = (PDU) request.clone();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(SnmpConstants.SNMP_ERROR_SUCCESS);
        response.setErrorIndex(0);
        response.setVariableBindings(List.of());
        return response;
    }

    private static int emptyLength(PDU response) {
        return response.getBERLength();
    }
}
