package org.keepalived4j.exporter.snmp.agentx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * Takes notifications from the queue one at a time and turns each into an agentx-Notify-PDU;
 * the one sent stays in hand until snmpd confirms it, and goes back to the head of the queue
 * when the session ends first. Used by the session's thread only.
 */
final class NotificationDelivery {

    /** sysUpTime.0 and snmpTrapOID.0, which open every notification (RFC 2741 6.2.10). */
    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SNMP_TRAP_OID = new OID("1.3.6.1.6.3.1.1.4.1.0");

    private final NotificationQueue queue;
    private final MasterUpTime upTime = new MasterUpTime();
    private Notification inFlight;

    NotificationDelivery(NotificationQueue queue) {
        this.queue = queue;
    }

    /** snmpd told its sysUpTime in a Response. */
    void heard(long sysUpTime, long now) {
        upTime.heard(sysUpTime, now);
    }

    /**
     * The Notify for the notification in hand, taking the oldest queued if none is; {@code null}
     * when there is nothing to send. sysUpTime.0 is snmpd's uptime now, as net-snmp's subagents
     * (keepalived) send it.
     */
    AgentxPdu.VarBinds next(Supplier<AgentxHeader> header, long now) {
        if (inFlight == null) {
            inFlight = queue.poll();
        }
        if (inFlight == null) {
            return null;
        }
        List<VariableBinding> varbinds = new ArrayList<>(inFlight.varbinds().size() + 2);
        varbinds.add(new VariableBinding(SYS_UP_TIME, new TimeTicks(upTime.ticksAt(now))));
        varbinds.add(new VariableBinding(SNMP_TRAP_OID, inFlight.trapOid()));
        varbinds.addAll(inFlight.varbinds());
        return new AgentxPdu.VarBinds(header.get(), varbinds);
    }

    /** The notification in hand, for a log line. */
    OID trapOid() {
        return inFlight == null ? null : inFlight.trapOid();
    }

    /** snmpd answered the Notify (or it cannot be sent): the notification is done with. */
    void done() {
        inFlight = null;
    }

    /** The session ended before snmpd answered: the notification goes first next time. */
    void unconfirmed() {
        if (inFlight != null) {
            queue.putBack(inFlight);
            inFlight = null;
        }
    }
}
