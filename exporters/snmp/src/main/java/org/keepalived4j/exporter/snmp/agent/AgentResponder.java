package org.keepalived4j.exporter.snmp.agent;

import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;

/**
 * The agent's command responder: checks who asks (dropping unknown communities unanswered and
 * counted, as net-snmp does), answers reads from the view, refuses every Set. Runs on the
 * transport's receive thread; never logs more than one refusal line per window.
 */
final class AgentResponder implements CommandResponder {

    private final MibView view;
    private final AccessPolicy policy;
    private final AgentCounters counters;
    private final RepeatedLog refusals;
    private final RepeatedLog failures;

    AgentResponder(MibView view, AccessPolicy policy, AgentCounters counters, RepeatedLog refusals,
            RepeatedLog failures) {
        this.view = view;
        this.policy = policy;
        this.counters = counters;
        this.refusals = refusals;
        this.failures = failures;
    }

    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
        PDU pdu = event.getPDU();
        if (pdu == null || !isRequest(pdu.getType())) {
            return; // notifications and responses are not for an agent: snmp4j counts them as unhandled
        }
        event.setProcessed(true);
        boolean v1 = event.getMessageProcessingModel() == MPv1.ID;
        AccessPolicy.Decision decision = policy.decide(event);
        PDU response;
        switch (decision.outcome()) {
            case BAD_COMMUNITY -> {
                counters.increment(SnmpConstants.snmpInBadCommunityNames);
                refusals.warn("SNMP request from {} dropped: unknown community, or not allowed from that source",
                        event.getPeerAddress());
                return;
            }
            case REFUSED -> {
                refusals.warn("SNMPv3 request from {} refused: no rouser access for that user, level or context",
                        event.getPeerAddress());
                response = RequestProcessor.refuseUser(pdu);
            }
            default -> {
                if (pdu.getType() == PDU.SET) {
                    if (event.getMessageProcessingModel() != MPv3.ID) {
                        counters.increment(SnmpConstants.snmpInBadCommunityUses);
                    }
                    response = RequestProcessor.refuseSet(pdu, v1);
                } else {
                    response = RequestProcessor.answer(pdu, new ReadableView(view, decision.subtree(), v1),
                            event.getMaxSizeResponsePDU());
                }
            }
        }
        respond(event, response);
    }

    private static boolean isRequest(int type) {
        return type == PDU.GET || type == PDU.GETNEXT || type == PDU.GETBULK || type == PDU.SET;
    }

    private <A extends Address> void respond(CommandResponderEvent<A> event, PDU response) {
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
        } catch (MessageException e) {
            failures.warn("SNMP response to {} not sent: {}", event.getPeerAddress(), e.getMessage());
        }
    }
}
