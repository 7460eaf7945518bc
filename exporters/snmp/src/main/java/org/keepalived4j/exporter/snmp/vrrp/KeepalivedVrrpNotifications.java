package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSource;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * KEEPALIVED-MIB's vrrpInstanceStateChange and vrrpSyncGroupStateChange, sent when keepalived
 * sends them (with its notify scripts): on every state an instance or group enters, from the
 * first BACKUP or FAULT after the start to the stop, where the state is stop(5), and when a reload
 * deletes an instance: deleted(6) with {@code notify_deleted}, else fault(3), and nothing for an
 * instance already in FAULT. Sent while both {@code enable_traps} and {@code enable_snmp_vrrp}
 * are set. As keepalived sends them, the objects carry no instance index.
 */
public final class KeepalivedVrrpNotifications implements NotificationSource {

    /** vrrpSyncGroupStateChange. */
    private static final OID GROUP_STATE_CHANGE = trap(1);
    /** vrrpInstanceStateChange. */
    private static final OID INSTANCE_STATE_CHANGE = trap(2);

    private static final OID ROUTER_ID = new OID("1.3.6.1.4.1.9586.100.5.1.2.0");
    private static final int STOPPED = 5;
    private static final int DELETED = 6;

    @Override
    public List<Notification> notifications(StateEvent event, StateSnapshot state) {
        GlobalSettings settings = state.daemon().settings();
        if (!settings.trapsEnabled() || !settings.snmpVrrp()) {
            return List.of();
        }
        if (event instanceof VrrpStateChanged e) {
            return instance(e, state);
        }
        if (event instanceof SyncGroupStateChanged e) {
            return group(e, state);
        }
        return List.of();
    }

    private static List<Notification> instance(VrrpStateChanged e, StateSnapshot state) {
        int code;
        if (e.reason() == TransitionReason.REMOVED) {
            if (e.snapshot().settings().notifyScripts().deletedState()) {
                code = DELETED;
            } else if (e.from() == VrrpState.FAULT) {
                return List.of();
            } else {
                code = VrrpState.FAULT.code();
            }
        } else if (e.to() == VrrpState.INIT) {
            return List.of();
        } else {
            code = e.to() == VrrpState.STOP ? STOPPED : e.to().code();
        }
        return List.of(new Notification(new OID(INSTANCE_STATE_CHANGE), List.of(
                new VariableBinding(column(3, 2), new OctetString(e.instance())),
                new VariableBinding(column(3, 4), new Integer32(code)),
                new VariableBinding(column(3, 5), new Integer32(e.snapshot().settings().initialState().code())),
                routerId(state))));
    }

    private static List<Notification> group(SyncGroupStateChanged e, StateSnapshot state) {
        if (e.to() == VrrpState.INIT || e.reason() == TransitionReason.REMOVED) {
            return List.of();
        }
        int code = e.to() == VrrpState.STOP ? STOPPED : e.to().code();
        return List.of(new Notification(new OID(GROUP_STATE_CHANGE), List.of(
                new VariableBinding(column(1, 2), new OctetString(e.group())),
                new VariableBinding(column(1, 3), new Integer32(code)),
                routerId(state))));
    }

    private static VariableBinding routerId(StateSnapshot state) {
        return new VariableBinding(new OID(ROUTER_ID), new OctetString(String.valueOf(state.daemon().routerId())));
    }

    /** A column of a table of the vrrp subtree, without index. */
    private static OID column(int table, int column) {
        OID oid = new OID(KeepalivedVrrpSection.ROOT);
        oid.append(table);
        oid.append(1);
        oid.append(column);
        return oid;
    }

    private static OID trap(int number) {
        OID oid = new OID(KeepalivedVrrpSection.ROOT);
        oid.append("10.0");
        oid.append(number);
        return oid;
    }
}
