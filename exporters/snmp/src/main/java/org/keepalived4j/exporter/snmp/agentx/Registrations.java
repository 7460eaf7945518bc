package org.keepalived4j.exporter.snmp.agentx;

import java.util.List;
import java.util.function.Function;
import org.snmp4j.smi.OID;

/**
 * What a newly opened session registers, one request at a time: each root of the view (a
 * Register at the configured priority, default timeout, default context), then each sysORTable
 * entry (AddAgentCaps). A refusal does not stop the others.
 */
final class Registrations {

    private final List<OID> roots;
    private final List<AgentxConfig.Capability> capabilities;
    private final int priority;
    private int step;
    private int accepted;

    Registrations(List<OID> roots, List<AgentxConfig.Capability> capabilities, int priority) {
        this.roots = List.copyOf(roots);
        this.capabilities = capabilities;
        this.priority = priority;
    }

    /** The next request, with a header from {@code header}; {@code null} once all are sent. */
    AgentxPdu next(Function<AgentxPduType, AgentxHeader> header) {
        int i = step++;
        if (i < roots.size()) {
            return new AgentxPdu.Registration(header.apply(AgentxPduType.REGISTER), 0, priority, 0, roots.get(i), 0);
        }
        if (i - roots.size() < capabilities.size()) {
            AgentxConfig.Capability c = capabilities.get(i - roots.size());
            return new AgentxPdu.AgentCaps(header.apply(AgentxPduType.ADD_AGENT_CAPS), c.id(), c.description());
        }
        step = i;
        return null;
    }

    /** snmpd accepted a Register. */
    void accepted() {
        accepted++;
    }

    /** "k of n subtrees registered". */
    String summary() {
        return accepted + " of " + roots.size() + " subtrees registered";
    }

    static String describe(AgentxPdu step) {
        return step instanceof AgentxPdu.Registration r ? "the registration of " + r.subtree()
                : "the sysORTable entry " + ((AgentxPdu.AgentCaps) step).id();
    }
}
