package org.keepalived4j.exporter.snmp.rfc;

import java.util.List;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSource;
import org.keepalived4j.exporter.snmp.vrrp.InetAddresses;
import org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpPacketError;
import org.keepalived4j.model.VrrpPacketRejected;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * VRRP-MIB's (RFC 2787) notifications as keepalived sends them, for the instances the MIB shows:
 * vrrpTrapNewMaster when an instance enters MASTER, with its own address as
 * vrrpOperMasterIpAddr; vrrpTrapAuthFailure for each packet rejected for its authentication, with
 * the packet's source (vrrpTrapPacketSrc) and the error (vrrpTrapAuthErrorType:
 * invalidAuthType(1), authTypeMismatch(2), authFailure(3)), both indexed by (ifIndex, VRID) as
 * keepalived appends them. Sent while both {@code enable_traps} and {@code enable_snmp_rfcv2} are
 * set. keepalived sends vrrpTrapNewMaster right after KEEPALIVED-MIB's vrrpInstanceStateChange.
 */
public final class VrrpMibNotifications implements NotificationSource {

    /** vrrpTrapNewMaster. */
    private static final OID NEW_MASTER = VrrpMibSection.oid("0.1");
    /** vrrpTrapAuthFailure. */
    private static final OID AUTH_FAILURE = VrrpMibSection.oid("0.2");

    private final InterfaceDirectory interfaces;

    /** @param interfaces where the ifIndex of an instance's interface is looked up */
    public VrrpMibNotifications(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    @Override
    public List<Notification> notifications(StateEvent event, StateSnapshot state) {
        GlobalSettings settings = state.daemon().settings();
        if (!settings.trapsEnabled() || !settings.snmpRfcV2()) {
            return List.of();
        }
        if (event instanceof VrrpStateChanged e && e.to() == VrrpState.MASTER
                && VirtualRouters.inVrrpMib(e.snapshot())) {
            return List.of(new Notification(new OID(NEW_MASTER), List.of(new VariableBinding(
                    indexed("1.3.1.7", e.snapshot()),
                    InetAddresses.ipAddress(e.snapshot().status().primaryAddress())))));
        }
        if (event instanceof VrrpPacketRejected e && e.error().authentication()
                && VirtualRouters.inVrrpMib(e.snapshot())) {
            return List.of(new Notification(new OID(AUTH_FAILURE), List.of(
                    new VariableBinding(indexed("1.5", e.snapshot()), InetAddresses.ipAddress(e.source())),
                    new VariableBinding(indexed("1.6", e.snapshot()), new Integer32(authErrorType(e.error()))))));
        }
        return List.of();
    }

    private OID indexed(String object, VrrpInstanceSnapshot instance) {
        OID oid = VrrpMibSection.oid(object);
        oid.append(VirtualRouters.vrrpIndex(instance, interfaces));
        return oid;
    }

    private static int authErrorType(VrrpPacketError error) {
        return switch (error) {
            case INVALID_AUTH_TYPE -> 1;
            case AUTH_TYPE_MISMATCH -> 2;
            default -> 3;
        };
    }
}
