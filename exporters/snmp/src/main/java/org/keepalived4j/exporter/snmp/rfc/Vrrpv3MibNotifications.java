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
import org.keepalived4j.model.VrrpPacketRejected;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * VRRPv3-MIB's (RFC 6527) notifications as keepalived sends them, for every instance the MIB
 * shows (VRRPv2 ones included): vrrpv3NewMaster when an instance enters MASTER, with its own
 * address as vrrpv3OperationsMasterIpAddr and vrrpv3StatisticsNewMasterReason; vrrpv3ProtoError
 * for each packet rejected for its TTL, version or checksum, with vrrpv3StatisticsProtoErrReason.
 * Sent while both {@code enable_traps} and {@code enable_snmp_rfcv3} are set. keepalived sends
 * vrrpv3NewMaster last, after KEEPALIVED-MIB's and RFC 2787's notifications of the same change.
 */
public final class Vrrpv3MibNotifications implements NotificationSource {

    /** vrrpv3NewMaster. */
    private static final OID NEW_MASTER = Vrrpv3MibSection.oid("0.1");
    /** vrrpv3ProtoError. */
    private static final OID PROTO_ERROR = Vrrpv3MibSection.oid("0.2");

    private final InterfaceDirectory interfaces;

    /** @param interfaces where the ifIndex of an instance's interface is looked up */
    public Vrrpv3MibNotifications(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    @Override
    public List<Notification> notifications(StateEvent event, StateSnapshot state) {
        GlobalSettings settings = state.daemon().settings();
        if (!settings.trapsEnabled() || !settings.snmpRfcV3()) {
            return List.of();
        }
        if (event instanceof VrrpStateChanged e && e.to() == VrrpState.MASTER
                && VirtualRouters.inVrrpv3Mib(e.snapshot())) {
            VrrpInstanceSnapshot i = e.snapshot();
            OctetString own = InetAddresses.octets(i.status().primaryAddress());
            return List.of(new Notification(new OID(NEW_MASTER), List.of(
                    new VariableBinding(indexed("1.1.1.1.3", i),
                            own == null ? InetAddresses.unspecified(i.settings().ipv6()) : own),
                    new VariableBinding(indexed("1.2.5.1.2", i),
                            new Integer32(MasterReasons.code(e.reason(), e.instance(), state))))));
        }
        if (event instanceof VrrpPacketRejected e && !e.error().authentication()
                && VirtualRouters.inVrrpv3Mib(e.snapshot())) {
            return List.of(new Notification(new OID(PROTO_ERROR), List.of(new VariableBinding(
                    indexed("1.2.5.1.6", e.snapshot()), new Integer32(MasterReasons.protocolError(e.error()))))));
        }
        return List.of();
    }

    private OID indexed(String object, VrrpInstanceSnapshot instance) {
        OID oid = Vrrpv3MibSection.oid(object);
        oid.append(VirtualRouters.vrrpv3Index(instance, interfaces));
        return oid;
    }
}
