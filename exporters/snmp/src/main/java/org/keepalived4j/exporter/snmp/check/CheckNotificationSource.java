package org.keepalived4j.exporter.snmp.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSource;
import org.keepalived4j.exporter.snmp.global.GlobalSection;
import org.keepalived4j.exporter.snmp.global.InetAddressValue;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * KEEPALIVED-MIB's checker notifications, as keepalived 2.2.7's check_snmp_rs_trap builds them:
 * realServerStateChange for every real server change the daemon reports, and
 * virtualServerQuorumStateChange for every quorum change, both with the virtual server named by
 * type (group name, firewall mark, or address type, address and port) and routerId last. Objects
 * carry column OIDs without an instance index, as keepalived sends them; virtualServerProtocol is
 * tcp(1) or, for anything else, 2.
 *
 * <p>keepalived sends them only with {@code enable_traps} and from a checker process running its
 * SNMP agent ({@code enable_snmp_checker}). At a stop it sends a realServerStateChange for each
 * live real server while {@code lvs_flush_onstop} is unset (a flush removes none one by one), and a
 * virtualServerQuorumStateChange with quorum status shutdown(3) for every virtual server.
 */
public final class CheckNotificationSource implements NotificationSource {

    /** realServerStateChange. */
    public static final OID REAL_SERVER_STATE_CHANGE = new OID(CheckSection.ROOT).append("5.0.1");
    /** virtualServerQuorumStateChange. */
    public static final OID VIRTUAL_SERVER_QUORUM_STATE_CHANGE = new OID(CheckSection.ROOT).append("5.0.2");

    @Override
    public List<Notification> notifications(StateEvent event, StateSnapshot state) {
        GlobalSettings g = state.daemon().settings();
        if (!g.trapsEnabled() || !g.snmpChecker()) {
            return List.of();
        }
        if (event instanceof RealServerStateChanged e) {
            boolean removedOneByOne = "no".equals(g.lvsFlushOnStop()) || g.lvsFlushOnStop() == null;
            return e.stopping() && !removedOneByOne ? List.of() : List.of(realServer(e, state));
        }
        if (event instanceof VirtualServerQuorumChanged e) {
            return List.of(quorum(e, state));
        }
        return List.of();
    }

    private static Notification realServer(RealServerStateChanged e, StateSnapshot state) {
        List<VariableBinding> v = new ArrayList<>();
        RealServerSettings rs = e.server().settings();
        InetAddressValue address = InetAddressValue.of(rs.address());
        v.add(new VariableBinding(realServerColumn(3), address.type()));
        v.add(new VariableBinding(realServerColumn(4), address.address()));
        v.add(new VariableBinding(realServerColumn(5), TableRow.unsigned32(rs.port())));
        v.add(new VariableBinding(realServerColumn(6), CheckSection.truth(e.up())));
        virtualServer(e.service(), v);
        counts(e.service(), state, v);
        return new Notification(REAL_SERVER_STATE_CHANGE, v);
    }

    private static Notification quorum(VirtualServerQuorumChanged e, StateSnapshot state) {
        List<VariableBinding> v = new ArrayList<>();
        virtualServer(e.service(), v);
        int status = e.stopping() ? 3 : e.met() ? 1 : 2;
        v.add(new VariableBinding(VirtualServerIdentity.column(23), new Integer32(status)));
        v.add(new VariableBinding(VirtualServerIdentity.column(22), TableRow.unsigned32(e.quorum())));
        counts(e.service(), state, v);
        return new Notification(VIRTUAL_SERVER_QUORUM_STATE_CHANGE, v);
    }

    private static void virtualServer(VirtualServerSnapshot vs, List<VariableBinding> v) {
        VirtualServerIdentity id = new VirtualServerIdentity(vs.settings());
        v.add(new VariableBinding(VirtualServerIdentity.column(2), id.type()));
        id.name(v);
        String protocol = vs.settings().protocol();
        boolean tcp = protocol != null && protocol.toLowerCase(Locale.ROOT).equals("tcp");
        v.add(new VariableBinding(VirtualServerIdentity.column(8), CheckSection.truth(tcp)));
    }

    private static void counts(VirtualServerSnapshot vs, StateSnapshot state, List<VariableBinding> v) {
        v.add(new VariableBinding(VirtualServerIdentity.column(21), TableRow.unsigned32(vs.realServersUp())));
        v.add(new VariableBinding(VirtualServerIdentity.column(20), TableRow.unsigned32(vs.realServers().size())));
        v.add(new VariableBinding(GlobalSection.ROUTER_ID, GlobalSection.routerId(state)));
    }

    private static OID realServerColumn(int column) {
        return new OID(RealServerTable.ENTRY).append(column);
    }
}
