package org.keepalived4j.exporter.snmp.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

class GlobalSectionTest {

    private static final OID EMAIL_TABLE = new OID("1.3.6.1.4.1.9586.100.5.1.3.5.1.2");

    @Test
    void servesNothingWhereNoKeepalivedProcessWouldRegisterTheSubtree() {
        StateSnapshot small = SampleStates.small();

        assertThat(GlobalSection.served(with(small, false, false))).isFalse();
        // enable_snmp_rfcv2/rfcv3 alone: the VRRP process runs an agent, but not for KEEPALIVED-MIB
        assertThat(objects(with(small, false, false))).isEmpty();
        assertThat(GlobalSection.served(with(small, true, false))).isTrue();
        assertThat(GlobalSection.served(with(small, false, true))).isTrue();
    }

    @Test
    void needsTheProcessThatServesItToRun() {
        StateSnapshot noVirtualServers = with(SampleStates.small(), true, false).withVirtualServers(List.of());
        StateSnapshot noInstances = new StateSnapshot(with(SampleStates.small(), false, true).daemon(), List.of(),
                List.of(), List.of(), SampleStates.small().virtualServers());

        // enable_snmp_checker with no virtual_server: no checker process
        assertThat(GlobalSection.served(noVirtualServers)).isFalse();
        // enable_snmp_vrrp with no vrrp_instance: no VRRP process
        assertThat(GlobalSection.served(noInstances)).isFalse();
    }

    @Test
    void listsTheNotificationAddressesInTheirOrderFromOne() {
        SortedMap<OID, Variable> objects = objects(SampleStates.small());

        assertThat(objects.get(new OID(EMAIL_TABLE).append(1))).isEqualTo(new OctetString("ops@example.com"));
        assertThat(objects.tailMap(new OID(EMAIL_TABLE).append(2)).firstKey())
                .isGreaterThan(new OID(EMAIL_TABLE).nextPeer());
    }

    @Test
    void routerIdOfNotificationsIsEmptyRatherThanMissing() {
        StateSnapshot state = SampleStates.small();
        DaemonSnapshot d = state.daemon();
        DaemonSnapshot noId = new DaemonSnapshot(d.version(), null, d.pid(), d.started(), d.configFile(),
                d.configLoaded(), d.reloads(), d.ipvsAvailable(), d.reload(), d.settings(), d.router());

        assertThat(GlobalSection.routerId(state)).isEqualTo(new OctetString("lb1"));
        assertThat(GlobalSection.routerId(new StateSnapshot(noId, state.vrrpInstances(), state.syncGroups(),
                state.scripts(), state.virtualServers()))).isEqualTo(new OctetString());
        assertThat(objects(new StateSnapshot(noId, state.vrrpInstances(), state.syncGroups(), state.scripts(),
                state.virtualServers()))).doesNotContainKey(GlobalSection.ROUTER_ID);
    }

    private static SortedMap<OID, Variable> objects(StateSnapshot state) {
        SortedMap<OID, Variable> out = new TreeMap<>();
        new GlobalSection().collect(state, out);
        return out;
    }

    private static StateSnapshot with(StateSnapshot s, boolean checker, boolean vrrp) {
        GlobalSettings g = s.daemon().settings();
        GlobalSettings changed = new GlobalSettings(g.routerId(), g.mail(), g.trapsEnabled(), vrrp, checker,
                true, true, g.snmpSocket(), g.linkbeatPolling(), g.lvsFlush(), g.lvsFlushOnStop(), g.netNamespace(),
                g.dynamicInterfaces(), g.scriptUser(), g.scriptSecurity());
        DaemonSnapshot d = s.daemon();
        DaemonSnapshot daemon = new DaemonSnapshot(d.version(), d.routerId(), d.pid(), d.started(), d.configFile(),
                d.configLoaded(), d.reloads(), d.ipvsAvailable(), d.reload(), changed, d.router());
        return new StateSnapshot(daemon, s.vrrpInstances(), s.syncGroups(), s.scripts(), s.virtualServers());
    }
}
