package org.keepalived4j.exporter.snmp.agentx;

import java.util.List;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * One AgentX PDU (RFC 2741 6.2): the header and the payload fields of its type. PDU types
 * with the same payload layout share a record and tell themselves apart by
 * {@code header().type()}. The snmp4j values are never modified once in a PDU.
 */
sealed interface AgentxPdu {

    AgentxHeader header();

    /** agentx-Open-PDU (6.2.1): the subagent's default timeout in seconds, its ID and name. */
    record Open(AgentxHeader header, int timeout, OID id, String description) implements AgentxPdu {
    }

    /** agentx-Close-PDU (6.2.2), with its {@link CloseReason} code. */
    record Close(AgentxHeader header, int reason) implements AgentxPdu {
    }

    /**
     * agentx-Register-PDU and agentx-Unregister-PDU (6.2.3, 6.2.4). {@code timeout} is 0 in an
     * Unregister; {@code upperBound} counts only when {@code rangeSubid} is not 0.
     */
    record Registration(AgentxHeader header, int timeout, int priority, int rangeSubid, OID subtree,
            long upperBound) implements AgentxPdu {
    }

    /** agentx-Get-PDU and agentx-GetNext-PDU (6.2.5, 6.2.6). */
    record Search(AgentxHeader header, List<SearchRange> ranges) implements AgentxPdu {
        public Search {
            ranges = List.copyOf(ranges);
        }
    }

    /** agentx-GetBulk-PDU (6.2.7). */
    record GetBulk(AgentxHeader header, int nonRepeaters, int maxRepetitions, List<SearchRange> ranges)
            implements AgentxPdu {
        public GetBulk {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * The PDUs whose payload is a VarBindList: agentx-TestSet-PDU (6.2.8), agentx-Notify-PDU
     * (6.2.10), agentx-IndexAllocate-PDU and agentx-IndexDeallocate-PDU (6.2.12, 6.2.13).
     */
    record VarBinds(AgentxHeader header, List<VariableBinding> varbinds) implements AgentxPdu {
        public VarBinds {
            varbinds = List.copyOf(varbinds);
        }
    }

    /**
     * The PDUs with no payload beyond an optional context: agentx-CommitSet-, -UndoSet- and
     * -CleanupSet-PDU (6.2.9) and agentx-Ping-PDU (6.2.11).
     */
    record Bare(AgentxHeader header) implements AgentxPdu {
    }

    /**
     * agentx-AddAgentCaps-PDU and agentx-RemoveAgentCaps-PDU (6.2.14, 6.2.15): a sysORTable
     * entry; {@code description} is {@code null} in a Remove.
     */
    record AgentCaps(AgentxHeader header, OID id, String description) implements AgentxPdu {
    }

    /** agentx-Response-PDU (6.2.16); {@code error} is a {@link ResponseError} code. */
    record Response(AgentxHeader header, long sysUpTime, int error, int index, List<VariableBinding> varbinds)
            implements AgentxPdu {
        public Response {
            varbinds = List.copyOf(varbinds);
        }
    }
}
